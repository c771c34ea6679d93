// The Harn AST: a one-to-one TypeScript mirror of `harn_parser::Node` (0.8.27) and its helper types,
// following shared/reference/harn-ast.md §1: `kind` = Rust variant name, fields = Rust names in camelCase,
// `Option<T>` = `T | null` (key always present), tuples = TS tuples, every node carries a UTF-16 `span`.
// Decisions: HitlExpr's `kind` field is `hitlKind`; IntLiteral keeps only `value: number` (exact text = source.slice(span)); one addition beyond Rust,
// `ErrorNode`, marks input the parser skipped while recovering. Pure types: depends only on ../diagnostics.ts.
import type { Span } from '../diagnostics.ts';

/** `ParallelMode`: `parallel n`, `parallel each`, `parallel each … as stream`, `parallel settle`. */
export type ParallelMode = 'Count' | 'Each' | 'EachStream' | 'Settle';
/** `Variance` of a type parameter: no marker, `out T`, `in T`. */
export type Variance = 'Invariant' | 'Covariant' | 'Contravariant';
/** ⁺0.8 `HitlKind`: the four human-in-the-loop keywords. */
export type HitlKind = 'RequestApproval' | 'DualControl' | 'AskUser' | 'EscalateTo';

/** `@name(args)`; span from `@` to `)` (or to the name). */
export interface Attribute {
  name: string;
  args: AttributeArg[];
  span: Span;
}
/** `name: value` or a positional `value`; span from the key (or value) to the end of the value. */
export interface AttributeArg {
  name: string | null;
  value: SNode;
  span: Span;
}
/** ⁺0.8 one HITL argument; `name` is set for `name: expr`. */
export interface HitlArg {
  name: string | null;
  value: SNode;
  span: Span;
}
/** `[...]name[: Type][= expr]` in fn/tool/closure/enum-variant/interface-method parameter lists. */
export interface TypedParam {
  name: string;
  typeExpr: TypeExpr | null;
  defaultValue: SNode | null;
  rest: boolean;
}
export interface TypeParam {
  name: string;
  variance: Variance;
}
/** `where T: Bound` — the bound is one name at the snapshot. */
export interface WhereClause {
  typeName: string;
  bound: string;
}
export interface ShapeField {
  name: string;
  typeExpr: TypeExpr;
  optional: boolean;
}
/** `TypeExpr` (13 variants), same `kind` + fields pattern as nodes; no spans (as in Rust). */
export type TypeExpr =
  | { kind: 'Named'; name: string }
  | { kind: 'Union'; types: TypeExpr[] }
  | { kind: 'Shape'; fields: ShapeField[] }
  | { kind: 'List'; inner: TypeExpr }
  | { kind: 'DictType'; key: TypeExpr; value: TypeExpr }
  | { kind: 'Iter'; inner: TypeExpr }
  | { kind: 'Generator'; inner: TypeExpr }
  | { kind: 'Stream'; inner: TypeExpr }
  | { kind: 'Applied'; name: string; args: TypeExpr[] }
  | { kind: 'FnType'; params: TypeExpr[]; returnType: TypeExpr }
  | { kind: 'Never' }
  | { kind: 'LitString'; value: string }
  | { kind: 'LitInt'; value: number };

export interface DictPatternField {
  key: string;
  alias: string | null;
  isRest: boolean;
  defaultValue: SNode | null;
}
export interface ListPatternElement {
  name: string;
  isRest: boolean;
  defaultValue: SNode | null;
}
/** `BindingPattern` of let/var/for: `x`, `{a, b: c}`, `[a, ...r]`, `(k, v)` (for only). */
export type BindingPattern =
  | { kind: 'Identifier'; name: string }
  | { kind: 'Dict'; fields: DictPatternField[] }
  | { kind: 'List'; elements: ListPatternElement[] }
  | { kind: 'Pair'; first: string; second: string };

export interface MatchArm {
  pattern: SNode;
  guard: SNode | null;
  body: SNode[];
}
export interface SelectCase {
  variable: string;
  channel: SNode;
  body: SNode[];
}
/** Dict/struct entry. Named keys become StringLiteral; a spread entry has key NilLiteral and value Spread. */
export interface DictEntry {
  key: SNode;
  value: SNode;
}
export interface StructField {
  name: string;
  typeExpr: TypeExpr | null;
  optional: boolean;
}
export interface EnumVariant {
  name: string;
  fields: TypedParam[];
}
export interface InterfaceMethod {
  name: string;
  typeParams: TypeParam[];
  params: TypedParam[];
  returnType: TypeExpr | null;
}
/**
 * A piece of an interpolated string. `Literal` text is already unescaped (dedented for `"""`).
 * `Expression` is the raw, unparsed source between `${` and `}`, with the 1-based line and
 * column (UTF-16 units) of its first character.
 */
export type StringSegment = { kind: 'Literal'; value: string } | { kind: 'Expression'; source: string; line: number; column: number };

type Body = SNode[];

/** Fields of each `Node` variant, keyed by `kind` (Rust declaration order, ⁺0.8 variants in place). */
export interface NodeFields {
  AttributedDecl: { attributes: Attribute[]; inner: SNode };
  Pipeline: { name: string; params: string[]; returnType: TypeExpr | null; body: Body; extends: string | null; isPub: boolean };
  LetBinding: { pattern: BindingPattern; typeAnn: TypeExpr | null; value: SNode };
  VarBinding: { pattern: BindingPattern; typeAnn: TypeExpr | null; value: SNode };
  ConstBinding: { name: string; typeAnn: TypeExpr | null; value: SNode };
  OverrideDecl: { name: string; params: string[]; body: Body };
  ImportDecl: { path: string; isPub: boolean };
  SelectiveImport: { names: string[]; path: string; isPub: boolean };
  EnumDecl: { name: string; typeParams: TypeParam[]; variants: EnumVariant[]; isPub: boolean };
  StructDecl: { name: string; typeParams: TypeParam[]; fields: StructField[]; isPub: boolean };
  InterfaceDecl: { name: string; typeParams: TypeParam[]; associatedTypes: [string, TypeExpr | null][]; methods: InterfaceMethod[] };
  ImplBlock: { typeName: string; methods: SNode[] };
  IfElse: { condition: SNode; thenBody: Body; elseBody: Body | null };
  ForIn: { pattern: BindingPattern; iterable: SNode; body: Body };
  MatchExpr: { value: SNode; arms: MatchArm[] };
  WhileLoop: { condition: SNode; body: Body };
  Retry: { count: SNode; body: Body };
  CostRoute: { options: [string, SNode][]; body: Body };
  ReturnStmt: { value: SNode | null };
  TryCatch: { body: Body; errorVar: string | null; errorType: TypeExpr | null; catchBody: Body; finallyBody: Body | null };
  TryExpr: { body: Body };
  FnDecl: {
    name: string;
    typeParams: TypeParam[];
    params: TypedParam[];
    returnType: TypeExpr | null;
    whereClauses: WhereClause[];
    body: Body;
    isPub: boolean;
    isStream: boolean;
  };
  ToolDecl: { name: string; description: string | null; params: TypedParam[]; returnType: TypeExpr | null; body: Body; isPub: boolean };
  SkillDecl: { name: string; fields: [string, SNode][]; isPub: boolean };
  EvalPackDecl: { bindingName: string; packId: string; fields: [string, SNode][]; body: Body; summarize: Body | null; isPub: boolean };
  TypeDecl: { name: string; typeParams: TypeParam[]; typeExpr: TypeExpr };
  SpawnExpr: { body: Body };
  /** Milliseconds. */
  DurationLiteral: { value: number };
  RangeExpr: { start: SNode; end: SNode; inclusive: boolean };
  GuardStmt: { condition: SNode; elseBody: Body };
  RequireStmt: { condition: SNode; message: SNode | null };
  DeferStmt: { body: Body };
  DeadlineBlock: { duration: SNode; body: Body };
  YieldExpr: { value: SNode | null };
  EmitExpr: { value: SNode };
  MutexBlock: { body: Body };
  BreakStmt: Record<never, never>;
  ContinueStmt: Record<never, never>;
  /** Rust's field `kind: HitlKind` would collide with the discriminant, so it is `hitlKind` here. */
  HitlExpr: { hitlKind: HitlKind; args: HitlArg[] };
  Parallel: { mode: ParallelMode; expr: SNode; variable: string | null; body: Body; options: [string, SNode][] };
  SelectExpr: { cases: SelectCase[]; timeout: [SNode, SNode[]] | null; defaultBody: Body | null };
  FunctionCall: { name: string; typeArgs: TypeExpr[]; args: SNode[] };
  MethodCall: { object: SNode; method: string; args: SNode[] };
  OptionalMethodCall: { object: SNode; method: string; args: SNode[] };
  PropertyAccess: { object: SNode; property: string };
  OptionalPropertyAccess: { object: SNode; property: string };
  SubscriptAccess: { object: SNode; index: SNode };
  OptionalSubscriptAccess: { object: SNode; index: SNode };
  SliceAccess: { object: SNode; start: SNode | null; end: SNode | null };
  BinaryOp: { op: BinaryOperator; left: SNode; right: SNode };
  UnaryOp: { op: UnaryOperator; operand: SNode };
  Ternary: { condition: SNode; trueExpr: SNode; falseExpr: SNode };
  Assignment: { target: SNode; value: SNode; op: AssignOperator | null };
  ThrowStmt: { value: SNode };
  EnumConstruct: { enumName: string; variant: string; args: SNode[] };
  StructConstruct: { structName: string; fields: DictEntry[] };
  InterpolatedString: { segments: StringSegment[] };
  StringLiteral: { value: string };
  RawStringLiteral: { value: string };
  /** i64 as a JS number: above 2^53 precision is lost; the exact digits are `source.slice(span.start, span.end)`. */
  IntLiteral: { value: number };
  FloatLiteral: { value: number };
  BoolLiteral: { value: boolean };
  NilLiteral: Record<never, never>;
  Identifier: { name: string };
  ListLiteral: { items: SNode[] };
  DictLiteral: { entries: DictEntry[] };
  Spread: { inner: SNode };
  TryOperator: { operand: SNode };
  TryStar: { operand: SNode };
  OrPattern: { items: SNode[] };
  Block: { body: Body };
  Closure: { params: TypedParam[]; body: Body; fnSyntax: boolean };
  /**
   * NOT in Rust: left in the tree where error recovery skipped input (its span covers what was skipped
   * or where something was missing). Only present when `parse` also returned an error diagnostic.
   */
  ErrorNode: Record<never, never>;
}

/** The `op` strings of `BinaryOp` (harn-ast.md §6). */
export type BinaryOperator =
  | '|>'
  | '||'
  | '&&'
  | '=='
  | '!='
  | '<'
  | '>'
  | '<='
  | '>='
  | 'in'
  | 'not_in'
  | '+'
  | '-'
  | '??'
  | '*'
  | '/'
  | '%'
  | '**';
export type UnaryOperator = '!' | '-';
/** `Assignment.op`: `null` for `=`, else the operator of `+= -= *= /= %=`. */
export type AssignOperator = '+' | '-' | '*' | '/' | '%';

export type NodeKind = keyof NodeFields;

/**
 * `SNode` = `Spanned<Node>` flattened: a plain object with `kind`, the variant's fields and `span`.
 * The one renamed field: HitlExpr's Rust `kind: HitlKind` is `hitlKind` (it would collide with the discriminant).
 */
export type SNode = { [K in NodeKind]: { kind: K; span: Span } & NodeFields[K] }[NodeKind];

/** The node type of one variant, e.g. `NodeOf<'FunctionCall'>`. */
export type NodeOf<K extends NodeKind> = Extract<SNode, { kind: K }>;

/** Every node kind, in declaration order (72 Rust variants + ErrorNode). */
export const NODE_KINDS = [
  'AttributedDecl', 'Pipeline', 'LetBinding', 'VarBinding', 'ConstBinding', 'OverrideDecl', 'ImportDecl',
  'SelectiveImport', 'EnumDecl', 'StructDecl', 'InterfaceDecl', 'ImplBlock', 'IfElse', 'ForIn', 'MatchExpr',
  'WhileLoop', 'Retry', 'CostRoute', 'ReturnStmt', 'TryCatch', 'TryExpr', 'FnDecl', 'ToolDecl', 'SkillDecl',
  'EvalPackDecl', 'TypeDecl', 'SpawnExpr', 'DurationLiteral', 'RangeExpr', 'GuardStmt', 'RequireStmt', 'DeferStmt',
  'DeadlineBlock', 'YieldExpr', 'EmitExpr', 'MutexBlock', 'BreakStmt', 'ContinueStmt', 'HitlExpr', 'Parallel',
  'SelectExpr', 'FunctionCall', 'MethodCall', 'OptionalMethodCall', 'PropertyAccess', 'OptionalPropertyAccess',
  'SubscriptAccess', 'OptionalSubscriptAccess', 'SliceAccess', 'BinaryOp', 'UnaryOp', 'Ternary', 'Assignment',
  'ThrowStmt', 'EnumConstruct', 'StructConstruct', 'InterpolatedString', 'StringLiteral', 'RawStringLiteral',
  'IntLiteral', 'FloatLiteral', 'BoolLiteral', 'NilLiteral', 'Identifier', 'ListLiteral', 'DictLiteral', 'Spread',
  'TryOperator', 'TryStar', 'OrPattern', 'Block', 'Closure', 'ErrorNode',
] as const satisfies readonly NodeKind[];

export type AttributedDecl = NodeOf<'AttributedDecl'>;
export type Pipeline = NodeOf<'Pipeline'>;
export type LetBinding = NodeOf<'LetBinding'>;
export type VarBinding = NodeOf<'VarBinding'>;
export type ConstBinding = NodeOf<'ConstBinding'>;
export type OverrideDecl = NodeOf<'OverrideDecl'>;
export type ImportDecl = NodeOf<'ImportDecl'>;
export type SelectiveImport = NodeOf<'SelectiveImport'>;
export type EnumDecl = NodeOf<'EnumDecl'>;
export type StructDecl = NodeOf<'StructDecl'>;
export type InterfaceDecl = NodeOf<'InterfaceDecl'>;
export type ImplBlock = NodeOf<'ImplBlock'>;
export type IfElse = NodeOf<'IfElse'>;
export type ForIn = NodeOf<'ForIn'>;
export type MatchExpr = NodeOf<'MatchExpr'>;
export type WhileLoop = NodeOf<'WhileLoop'>;
export type Retry = NodeOf<'Retry'>;
export type CostRoute = NodeOf<'CostRoute'>;
export type ReturnStmt = NodeOf<'ReturnStmt'>;
export type TryCatch = NodeOf<'TryCatch'>;
export type TryExpr = NodeOf<'TryExpr'>;
export type FnDecl = NodeOf<'FnDecl'>;
export type ToolDecl = NodeOf<'ToolDecl'>;
export type SkillDecl = NodeOf<'SkillDecl'>;
export type EvalPackDecl = NodeOf<'EvalPackDecl'>;
export type TypeDecl = NodeOf<'TypeDecl'>;
export type SpawnExpr = NodeOf<'SpawnExpr'>;
export type DurationLiteral = NodeOf<'DurationLiteral'>;
export type RangeExpr = NodeOf<'RangeExpr'>;
export type GuardStmt = NodeOf<'GuardStmt'>;
export type RequireStmt = NodeOf<'RequireStmt'>;
export type DeferStmt = NodeOf<'DeferStmt'>;
export type DeadlineBlock = NodeOf<'DeadlineBlock'>;
export type YieldExpr = NodeOf<'YieldExpr'>;
export type EmitExpr = NodeOf<'EmitExpr'>;
export type MutexBlock = NodeOf<'MutexBlock'>;
export type BreakStmt = NodeOf<'BreakStmt'>;
export type ContinueStmt = NodeOf<'ContinueStmt'>;
export type HitlExpr = NodeOf<'HitlExpr'>;
export type Parallel = NodeOf<'Parallel'>;
export type SelectExpr = NodeOf<'SelectExpr'>;
export type FunctionCall = NodeOf<'FunctionCall'>;
export type MethodCall = NodeOf<'MethodCall'>;
export type OptionalMethodCall = NodeOf<'OptionalMethodCall'>;
export type PropertyAccess = NodeOf<'PropertyAccess'>;
export type OptionalPropertyAccess = NodeOf<'OptionalPropertyAccess'>;
export type SubscriptAccess = NodeOf<'SubscriptAccess'>;
export type OptionalSubscriptAccess = NodeOf<'OptionalSubscriptAccess'>;
export type SliceAccess = NodeOf<'SliceAccess'>;
export type BinaryOp = NodeOf<'BinaryOp'>;
export type UnaryOp = NodeOf<'UnaryOp'>;
export type Ternary = NodeOf<'Ternary'>;
export type Assignment = NodeOf<'Assignment'>;
export type ThrowStmt = NodeOf<'ThrowStmt'>;
export type EnumConstruct = NodeOf<'EnumConstruct'>;
export type StructConstruct = NodeOf<'StructConstruct'>;
export type InterpolatedString = NodeOf<'InterpolatedString'>;
export type StringLiteral = NodeOf<'StringLiteral'>;
export type RawStringLiteral = NodeOf<'RawStringLiteral'>;
export type IntLiteral = NodeOf<'IntLiteral'>;
export type FloatLiteral = NodeOf<'FloatLiteral'>;
export type BoolLiteral = NodeOf<'BoolLiteral'>;
export type NilLiteral = NodeOf<'NilLiteral'>;
export type Identifier = NodeOf<'Identifier'>;
export type ListLiteral = NodeOf<'ListLiteral'>;
export type DictLiteral = NodeOf<'DictLiteral'>;
export type Spread = NodeOf<'Spread'>;
export type TryOperator = NodeOf<'TryOperator'>;
export type TryStar = NodeOf<'TryStar'>;
export type OrPattern = NodeOf<'OrPattern'>;
export type Block = NodeOf<'Block'>;
export type Closure = NodeOf<'Closure'>;
export type ErrorNode = NodeOf<'ErrorNode'>;
