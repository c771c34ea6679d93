// Which children the parent's code spawns by name, and the sentence for a child it does not: the playground runs
// every child of the scenario at the parent's first spawn site (or after its prologue when it has none), so a child
// added beside `parallel each ["alpha", "beta"] { name -> spawn_agent(name) }` runs although the code never names
// it. The names are those `spawn_agent(…)` gets: a string literal, or the variable of an enclosing `parallel each` or
// `for … in` over a literal list of strings. Nothing is claimed when a name cannot be read (a variable, a config), a
// spawn block has no `spawn_agent`, or the names given are none of the children's (a group such as "workers").
// Pure; depends on the AST, ./effects.ts (childNodes) and ../report/escape.ts.
import type { SNode } from '../syntax/ast.ts';
import { narrationLiteral } from '../report/escape.ts';
import { childNodes } from './effects.ts';

/** The names the parent's code spawns: `names` null when one cannot be read; `sites` its spawn sites. */
export interface SpawnNames {
  names: string[] | null;
  sites: number;
}

function literalString(node: SNode): string | null {
  return node.kind === 'StringLiteral' || node.kind === 'RawStringLiteral' ? node.value : null;
}

// The strings of a literal list of string literals, else null.
function literalList(node: SNode): string[] | null {
  if (node.kind !== 'ListLiteral') return null;
  const out: string[] = [];
  for (const item of node.items) {
    const text = literalString(item);
    if (text === null) return null;
    out.push(text);
  }
  return out;
}

type Scope = ReadonlyMap<string, string[] | null>;

function bind(scope: Scope, name: string, values: string[] | null): Scope {
  return new Map(scope).set(name, values);
}

/** The names `program`'s spawn sites give (walked with an explicit stack: no recursion on deep programs). */
export function spawnNamesOf(program: readonly SNode[]): SpawnNames {
  const names = new Set<string>();
  let unreadable = false;
  let sites = 0;
  const empty: Scope = new Map();
  const stack: { node: SNode; scope: Scope }[] = [...program].reverse().map((node) => ({ node, scope: empty }));
  while (stack.length > 0) {
    const { node, scope } = stack.pop()!;
    let inner: Scope | null = null;
    if (node.kind === 'FunctionCall' && node.name === 'spawn_agent') {
      sites++;
      const arg = node.args[0];
      const literal = arg ? literalString(arg) : null;
      const bound = arg?.kind === 'Identifier' ? scope.get(arg.name) : undefined;
      if (literal !== null) names.add(literal);
      else if (bound) for (const name of bound) names.add(name);
      else unreadable = true;
    } else if (node.kind === 'Parallel' || node.kind === 'SpawnExpr') {
      sites++;
      if (node.kind === 'Parallel' && node.variable !== null)
        inner = bind(scope, node.variable, node.mode === 'Each' || node.mode === 'EachStream' ? literalList(node.expr) : null);
    } else if (node.kind === 'ForIn' && node.pattern.kind === 'Identifier') {
      inner = bind(scope, node.pattern.name, literalList(node.iterable));
    }
    const children = childNodes(node);
    // The loop variable binds in the body, not in the list it iterates over.
    const head = node.kind === 'Parallel' ? node.expr : node.kind === 'ForIn' ? node.iterable : null;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      stack.push({ node: child, scope: inner !== null && child !== head ? inner : scope });
    }
  }
  // A spawn block without a readable spawn_agent in it spawns what the code does not say.
  const blocksOnly = sites > 0 && names.size === 0 && !unreadable;
  return { names: unreadable || blocksOnly ? null : [...names], sites };
}

function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** For each child (by index), why the playground spawns it ("parent's code spawns "alpha" and "beta", not
 * "gamma""), else null: only when the code's spawn names are known and name at least one of the children (or it has
 * no spawn site at all). */
export function playgroundSpawns(parent: string, spawned: SpawnNames, children: readonly string[]): (string | null)[] {
  const { names } = spawned;
  if (names === null) return children.map(() => null);
  if (spawned.sites > 0 && !children.some((child) => names.includes(child))) return children.map(() => null);
  // Task names are identifiers (the scenario's schema); the names in the code are literals, quoted with escapes.
  const said = (child: string) => (names.length === 0 ? 'spawns no child' : `spawns ${joinAnd(names.map(narrationLiteral))}, not "${child}"`);
  return children.map((child) => (names.includes(child) ? null : `${parent}'s code ${said(child)}`));
}

/** The sentence on a child's tab: "gamma is spawned by the playground: parent's code spawns …, not "gamma"." */
export function playgroundNote(child: string, why: string): string {
  return `${child} is spawned by the playground: ${why}.`;
}
