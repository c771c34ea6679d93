// The page's view of a scenario analysis: what the ledger, the diagnostics list and the editor's markers show,
// with every call site placed as 1-based line:column (UTF-16 columns, as the editor counts them). Positions, not
// offsets: a keystroke moves the offsets of every later call but the line:column of only the calls on its own line,
// so between two analyses most rows stay equal, and a reply carries only the rows that changed (diffView; the page
// splices them into the view it holds). Depends on ./analyze.ts, ./effects.ts and ../diagnostics.ts.
import { createLineIndex, type DiagnosticCode, type LineIndex, type Severity, type Span } from '../diagnostics.ts';
import { createScenarioAnalyzer, type EffectHover, type ProgramReport, type ScenarioAnalysis, type ScenarioAnalysisInput } from './analyze.ts';
import { visibleText } from '../text.ts';
import { effectRecordSummary } from './effects.ts';
import type { PolicyError, PolicyLint } from './policy.ts';
import { effectsEqual, grantErrorSummary, type AnalyzedEffect, type EffectRecord } from './types.ts';
import type { Violation } from './violations.ts';
import { parse } from '../syntax/index.ts';
import { playgroundNote, playgroundSpawns, spawnNamesOf, type SpawnNames } from './spawnNames.ts';

/** Where a span is: 1-based lines and columns of its start and end. */
export interface Place {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One effect of a ledger section, with its call sites. */
export interface LedgerRow {
  /** `net:write (https://example.test/api)`: unique within its section. */
  summary: string;
  sites: Place[];
  /** Why it was dropped or escapes the parent. */
  detail?: string;
  /** The nearest parent record of a violation. */
  extra?: string;
}

export interface DiagnosticRow {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  notes?: string[];
  place: Place;
}

/**
 * One program's view. Adding a field is one edit here (plus computing it in `programView`, which tsc then asks for):
 * the reply protocol carries every field by its name (`ProgramPatch`, `diffProgram`, the page's `applyProgram`), an
 * array as a list patch of its changed items and anything else whole when it changed. An array of rows compared
 * often may name a faster comparison in `ITEM_COMPARE` (else its items are compared by their JSON). An array's items
 * are never arrays themselves (a list patch tells a kept run from an item by that).
 */
export interface ProgramView {
  name: string;
  /** False when the source has an error diagnostic: its effects are unknown, not empty. */
  parsed: boolean;
  violationsChecked: boolean;
  requested: LedgerRow[];
  dropped: LedgerRow[];
  granted: LedgerRow[];
  violations: LedgerRow[];
  /** Effectful calls harn's analysis does not see: detail = why, extra = the parent's coverage. */
  unseen: LedgerRow[];
  /** `// @expect` lines: summary = the line, detail = why, extra = 'pass' | 'fail' | 'pending'. */
  expectations: LedgerRow[];
  diagnostics: DiagnosticRow[];
  lints: PolicyLint[];
}

/** The whole view. A field added here travels in replies by its name too (`ViewPatch`, `diffView`, the page's
 * `applyViewReply`): sent whole when it changed. */
export interface AnalysisView {
  parent: ProgramView;
  children: ProgramView[];
  parentEffects: EffectRecord[] | null;
  /** The parent's effects as the ledger shows them (the seed's `effect_record_summary`, hidden characters
   * visible); empty when unknown. */
  parentEffectSummaries: string[];
  parentEffectsSource: ScenarioAnalysis['parentEffectsSource'];
  /** The first problem of an invalid parent grant as S553 words it (`parent.grant[1]: … (and 1 more)`), or null
   * when the grant is valid. */
  grantError: string | null;
  ceilingErrors: PolicyError[][];
  /** By child: the sentence saying the playground spawns it because the parent's code does not, else null
   * (./spawnNames.ts). */
  playgroundSpawns: (string | null)[];
}

/** A run of the previous list kept in the next one: `count` items from index `from`. */
export type KeptRun = [from: number, count: number];

/** `next = prev[0, head) ++ middle ++ prev[prev.length - tail, …)`, where `middle` holds the new items and, between
 * them, runs of previous items that moved (a row whose effect now sorts elsewhere moves the rows in between). */
export interface ListPatch<T> {
  head: number;
  tail: number;
  middle: (T | KeptRun)[];
}

/** How a changed field travels: an array that was an array before as a list patch of its items, anything else
 * whole (a field that may be null travels whole when it becomes or stops being null). */
export type FieldPatch<V> = V extends readonly (infer T)[] ? ListPatch<T> : V;

/** A program's changes, field by field; an absent field is unchanged. */
export type ProgramPatch = { [K in keyof ProgramView]?: FieldPatch<ProgramView[K]> };

/** What changed between two views with the same number of children; an absent field is unchanged. */
export type ViewPatch = {
  parent?: ProgramPatch;
  /** By index; null for a child that did not change. */
  children: (ProgramPatch | null)[];
} & { [K in Exclude<keyof AnalysisView, 'parent' | 'children'>]?: AnalysisView[K] };

/** An analysis reply: the whole view, or the changes to the view of version `base` (which the request said it has). */
export type ViewReply = { kind: 'full'; version: number; view: AnalysisView } | { kind: 'patch'; version: number; base: number; patch: ViewPatch };

function placeSpan(lines: LineIndex, length: number, span: Span): Place {
  const start = lines.position(Math.max(0, Math.min(span.start, length)));
  const end = lines.position(Math.max(0, Math.min(Math.max(span.end, span.start), length)));
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The view of one program's report; `source` is the text its spans index into. */
export function programView(report: ProgramReport, source: string): ProgramView {
  const lines = createLineIndex(source);
  const place = (span: Span) => placeSpan(lines, source.length, span);
  const row = (effect: EffectRecord, sites: readonly Span[], detail?: string, extra?: string): LedgerRow => {
    // What a person reads: hidden characters (U+202E, U+200B, …) as visible escapes (core/text.ts).
    const summary = visibleText(effectRecordSummary(effect));
    const out: LedgerRow = { summary, sites: sites.map(place) };
    if (detail !== undefined) out.detail = visibleText(detail);
    if (extra !== undefined) out.extra = visibleText(extra);
    return out;
  };
  // A granted effect is the requested one (the same object in the report): one row object for both sections, which
  // structured cloning then sends once.
  const rowOf = new Map<AnalyzedEffect, LedgerRow>();
  const analyzed = (item: AnalyzedEffect) => {
    let out = rowOf.get(item);
    if (out === undefined) rowOf.set(item, (out = row(item.effect, item.sites)));
    return out;
  };
  return {
    name: report.name,
    parsed: report.parsed,
    violationsChecked: report.violationsChecked,
    requested: report.requested.map(analyzed),
    dropped: report.dropped.map((d) => row(d.effect, d.sites, `${d.rule === 'capability' ? 'capability/op' : 'side-effect level'}: ${d.reason}`)),
    granted: report.granted.map(analyzed),
    // The message names the nearest parent record (or says there is none): the row says it once.
    violations: report.violations.map((v) => row(v.effect, v.sites, v.message)),
    unseen: unseenRows(report, place),
    expectations: expectationRows(report, place),
    diagnostics: report.diagnostics.map((d) => {
      const out: DiagnosticRow = { code: d.code, severity: d.severity, message: visibleText(d.message), place: place(d.span) };
      if (d.notes !== undefined) out.notes = d.notes.map(visibleText);
      return out;
    }),
    lints: report.lints,
  };
}

function coverageText(covered: boolean | null): string {
  if (covered === null) return 'parent coverage: not checked (no parent grant to check against)';
  return covered ? "parent coverage: covered by the parent's grant" : "parent coverage: NOT covered by the parent's grant";
}

// One row per effect (or unknown call) with its sites; several reasons or coverages at one effect are joined.
function unseenRows(report: ProgramReport, place: (span: Span) => Place): LedgerRow[] {
  const rows = new Map<string, { sites: Place[]; reasons: Set<string>; coverage: Set<string> }>();
  report.unseen.forEach((item, i) => {
    const summary = item.effect === null ? 'effects unknown' : effectRecordSummary(item.effect);
    let row = rows.get(summary);
    if (!row) rows.set(summary, (row = { sites: [], reasons: new Set(), coverage: new Set() }));
    row.sites.push(place(item.span));
    row.reasons.add(item.reason);
    row.coverage.add(coverageText(report.unseenCovered[i] ?? null));
  });
  return [...rows].map(([summary, row]) => ({ summary, sites: row.sites, detail: [...row.reasons].join('; '), extra: [...row.coverage].join('; ') }));
}

function expectationRows(report: ProgramReport, place: (span: Span) => Place): LedgerRow[] {
  const seen = new Set<string>();
  return report.expectations.map((e) => {
    const site = place(e.span);
    // Summaries key the rows: two equal lines are told apart by their line number.
    let summary = `@expect ${e.text}`;
    if (seen.has(summary)) summary += ` (line ${site.line})`;
    seen.add(summary);
    return { summary, sites: [site], detail: e.message, extra: e.pass === null ? 'pending' : e.pass ? 'pass' : 'fail' };
  });
}

/** Makes one program's view: `programView`, or a stand-in that reuses views, keyed by `role` ('p' for the parent,
 * 'c<index>' for a child). */
type ProgramViewer = (report: ProgramReport, source: string, role: string) => ProgramView;

/** The whole view of `analysis`, computed from `input` (whose sources its spans index into); `spawns` the names the
 * parent's code spawns (parsed from its source when not given). */
export function analysisView(
  input: ScenarioAnalysisInput,
  analysis: ScenarioAnalysis,
  view: ProgramViewer = programView,
  spawns: SpawnNames = spawnNamesOf(parse(input.parent.source).program),
): AnalysisView {
  return {
    parent: view(analysis.parent, input.parent.source, 'p'),
    children: analysis.children.map((child, i) => view(child, input.children[i]?.source ?? '', `c${i}`)),
    parentEffects: analysis.parentEffects,
    parentEffectSummaries: (analysis.parentEffects ?? []).map((effect) => visibleText(effectRecordSummary(effect))),
    parentEffectsSource: analysis.parentEffectsSource,
    grantError: analysis.grantErrors.length > 0 ? visibleText(grantErrorSummary(analysis.grantErrors)) : null,
    ceilingErrors: analysis.ceilingErrors,
    playgroundSpawns: playgroundSpawns(input.parent.name, spawns, input.children.map((child) => child.name)).map((why, i) =>
      why === null ? null : playgroundNote(input.children[i]!.name, why),
    ),
  };
}

function samePlace(a: Place, b: Place): boolean {
  return a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

function sameRow(a: LedgerRow, b: LedgerRow): boolean {
  if (a.summary !== b.summary || a.detail !== b.detail || a.extra !== b.extra || a.sites.length !== b.sites.length) return false;
  for (let i = 0; i < a.sites.length; i++) if (!samePlace(a.sites[i]!, b.sites[i]!)) return false;
  return true;
}

function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function sameDiagnostic(a: DiagnosticRow, b: DiagnosticRow): boolean {
  return a.code === b.code && a.severity === b.severity && a.message === b.message && sameStrings(a.notes, b.notes) && samePlace(a.place, b.place);
}

const placeText = (p: Place) => `${p.line},${p.column},${p.endLine},${p.endColumn}`;

/** Equal exactly when the rows are (every field, in JSON: no text a program holds can make two rows collide). */
function rowSignature(row: LedgerRow): string {
  return JSON.stringify([row.summary, row.detail ?? null, row.extra ?? null, row.sites.map(placeText)]);
}

function diagnosticSignature(d: DiagnosticRow): string {
  return JSON.stringify([d.code, d.severity, d.message, d.notes ?? null, placeText(d.place)]);
}

/** Small plain data (lints, policy errors, effect records): equal when their JSON is. */
function sameData(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The change from `prev` to `next`: their common head and tail, and between them the new items and the runs of
 * previous items they still hold (found by `signature`, equal exactly when the items are), or undefined when the
 * lists are equal.
 */
export function diffList<T>(prev: readonly T[], next: readonly T[], same: (a: T, b: T) => boolean, signature: (item: T) => string): ListPatch<T> | undefined {
  const shorter = Math.min(prev.length, next.length);
  let head = 0;
  while (head < shorter && same(prev[head]!, next[head]!)) head++;
  if (head === prev.length && head === next.length) return undefined;
  let tail = 0;
  while (tail < shorter - head && same(prev[prev.length - 1 - tail]!, next[next.length - 1 - tail]!)) tail++;
  const at = new Map<string, number[]>();
  for (let i = prev.length - tail - 1; i >= head; i--) {
    const key = signature(prev[i]!);
    const list = at.get(key);
    if (list) list.push(i);
    else at.set(key, [i]);
  }
  const middle: (T | KeptRun)[] = [];
  let run: KeptRun | null = null;
  for (let j = head; j < next.length - tail; j++) {
    const item = next[j]!;
    const candidates = at.get(signature(item));
    // Indices were pushed last first, so the lowest unused one is at the end (equal items keep their order).
    const from = candidates?.pop();
    if (from === undefined) {
      middle.push(item);
      run = null;
    } else if (run && run[0] + run[1] === from) {
      run[1]++;
    } else {
      run = [from, 1];
      middle.push(run);
    }
  }
  return { head, tail, middle };
}

/** How the items of one array field of a program's view are compared: `same` exactly when `signature` is. */
interface ItemCompare<T> {
  same: (a: T, b: T) => boolean;
  signature: (item: T) => string;
}

type ListField = { [K in keyof ProgramView]: ProgramView[K] extends readonly unknown[] ? K : never }[keyof ProgramView];
type ItemOf<K extends ListField> = ProgramView[K][number];

const ROWS: ItemCompare<LedgerRow> = { same: sameRow, signature: rowSignature };
const JSON_ITEMS: ItemCompare<unknown> = { same: sameData, signature: (item) => JSON.stringify(item) };

/** Faster comparisons for the array fields diffed on every keystroke; any other array field compares its items'
 * JSON. */
const ITEM_COMPARE: { [K in ListField]?: ItemCompare<ItemOf<K>> } = {
  requested: ROWS,
  dropped: ROWS,
  granted: ROWS,
  violations: ROWS,
  unseen: ROWS,
  expectations: ROWS,
  diagnostics: { same: sameDiagnostic, signature: diagnosticSignature },
};

/** The patch of one field, or undefined when it is unchanged. */
function diffField<K extends keyof ProgramView>(key: K, prev: ProgramView[K], next: ProgramView[K]): FieldPatch<ProgramView[K]> | undefined {
  if (Array.isArray(prev) && Array.isArray(next)) {
    const compare = (ITEM_COMPARE[key as ListField] ?? JSON_ITEMS) as ItemCompare<unknown>;
    return diffList(prev, next, compare.same, compare.signature) as FieldPatch<ProgramView[K]> | undefined;
  }
  return sameData(prev, next) ? undefined : (next as FieldPatch<ProgramView[K]>);
}

function diffProgram(prev: ProgramView, next: ProgramView): ProgramPatch | null {
  if (prev === next) return null;
  const patch: Record<string, unknown> = {};
  let changed = false;
  for (const key of Object.keys(next) as (keyof ProgramView)[]) {
    const field = diffField(key, prev[key], next[key]);
    if (field !== undefined) [patch[key], changed] = [field, true];
  }
  return changed ? (patch as ProgramPatch) : null;
}

/** The changes from `prev` to `next`, or null when the children differ in number (send the whole view instead). */
export function diffView(prev: AnalysisView, next: AnalysisView): ViewPatch | null {
  if (prev.children.length !== next.children.length) return null;
  const patch: ViewPatch = { children: next.children.map((child, i) => diffProgram(prev.children[i]!, child)) };
  const parent = diffProgram(prev.parent, next.parent);
  if (parent) patch.parent = parent;
  const rest = patch as Record<string, unknown>;
  for (const key of Object.keys(next) as (keyof AnalysisView)[])
    if (key !== 'parent' && key !== 'children' && !sameData(prev[key], next[key])) rest[key] = next[key];
  return patch;
}

/** The worker's analyzer for the page: each reply is numbered, and is a patch against the previous reply when the
 * request says it holds that one (`have`), else the whole view (the first reply, after a worker restart, or after
 * the page dropped a reply). Hovers come from the latest analysis, as in {@link createScenarioAnalyzer}. */
export interface ViewAnalyzer {
  analyze(input: ScenarioAnalysisInput, have: number | null): ViewReply;
  hoverAt(program: string, offset: number): EffectHover | null;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i]!));
}

function sameViolation(a: Violation, b: Violation): boolean {
  const nearest = a.nearest === null || b.nearest === null ? a.nearest === b.nearest : effectsEqual(a.nearest, b.nearest);
  return a.effect === b.effect && a.sites === b.sites && a.reason === b.reason && a.message === b.message && nearest;
}

function sameReportDiagnostic(a: ProgramReport['diagnostics'][number], b: ProgramReport['diagnostics'][number]): boolean {
  return a === b || (a.code === b.code && a.severity === b.severity && a.message === b.message && a.span.start === b.span.start && a.span.end === b.span.end && sameStrings(a.notes, b.notes));
}

/** Would `programView` give the same view of `a` and `b` over the same source? Checked without building either:
 * the scenario analyzer hands back the same effect lists for a program it did not re-analyze, and what it derives
 * again on every call (violations, diagnostics, lints) is compared field by field. */
function sameReport(a: ProgramReport, b: ProgramReport): boolean {
  return (
    a.name === b.name &&
    a.parsed === b.parsed &&
    a.violationsChecked === b.violationsChecked &&
    a.requested === b.requested &&
    a.dropped === b.dropped &&
    a.granted === b.granted &&
    sameList(a.violations, b.violations, sameViolation) &&
    sameList(a.diagnostics, b.diagnostics, sameReportDiagnostic) &&
    sameData(a.lints, b.lints) &&
    a.unseen === b.unseen &&
    sameData(a.unseenCovered, b.unseenCovered) &&
    sameData(a.expectations, b.expectations)
  );
}

export function createViewAnalyzer(): ViewAnalyzer {
  const analyzer = createScenarioAnalyzer();
  let last: { version: number; view: AnalysisView } | null = null;
  // The views of the previous call by role: typing in one program leaves the others' views the same objects, neither
  // rebuilt nor walked by the diff.
  let programs = new Map<string, { source: string; report: ProgramReport; view: ProgramView }>();
  // The parent's spawn names, parsed again only when its source changes (an edit of a child never parses it).
  let spawns: { source: string; names: SpawnNames } | null = null;
  return {
    analyze(input, have) {
      if (spawns?.source !== input.parent.source)
        spawns = { source: input.parent.source, names: spawnNamesOf(parse(input.parent.source).program) };
      const next = new Map<string, { source: string; report: ProgramReport; view: ProgramView }>();
      const view = analysisView(input, analyzer.analyze(input), (report, source, role) => {
        const hit = programs.get(role);
        const reused = hit && hit.source === source && sameReport(hit.report, report) ? hit.view : programView(report, source);
        next.set(role, { source, report, view: reused });
        return reused;
      }, spawns.names);
      programs = next;
      const version = (last?.version ?? 0) + 1;
      const patch = last !== null && have === last.version ? diffView(last.view, view) : null;
      const reply: ViewReply = patch && last ? { kind: 'patch', version, base: last.version, patch } : { kind: 'full', version, view };
      last = { version, view };
      return reply;
    },
    hoverAt: (program, offset) => analyzer.hoverAt(program, offset),
  };
}
