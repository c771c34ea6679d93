// Where harn's rules 1–6 (issue 17) allow a line break, found from the tokens of an accepted program: after a
// member "." or "?.", after a spread "...", after throw/emit/guard/require in statement position, after a skill
// field's name, and between a pipeline's name and its "(". For the corpus property tests.
import { tokenize, type Token } from '../../../src/core/index.ts';

/** One place to insert a line break: the offset just after the token before it, and the rule that allows it. */
export interface BreakPoint {
  at: number;
  rule: number;
}

const STATEMENT_KEYWORDS = new Map([['Throw', 5], ['Emit', 5], ['Guard', 6], ['Require', 6]]);
const OPENERS = new Set(['LBrace', 'LParen', 'LBracket']);
const CLOSERS = new Set(['RBrace', 'RParen', 'RBracket']);

const isAdjacent = (a: Token | undefined, b: Token | undefined) => a !== undefined && b !== undefined && a.end === b.start;
const isDot = (t: Token | undefined) => t?.kind === 'Dot';

/** Every break point of `source`, in source order. */
export function findBreakPoints(source: string): BreakPoint[] {
  const tokens = tokenize(source).tokens;
  const points: BreakPoint[] = [];
  let depth = 0;
  /** Bracket depth inside the `{` of the skill being read (its fields sit there), or -1 outside skills. */
  let skillDepth = -1;
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (OPENERS.has(t.kind)) depth++;
    if (CLOSERS.has(t.kind) && --depth < skillDepth) skillDepth = -1;
    const rule = breakRule(tokens, i, prev, next);
    if (rule > 0) points.push({ at: rule === 4 ? next!.end : t.end, rule });
    if (t.kind === 'Skill' && next?.kind === 'Identifier' && tokens[i + 2]?.kind === 'LBrace') skillDepth = depth + 1;
    const startsLine = prev?.kind === 'Newline' || prev?.kind === 'LBrace' || prev?.kind === 'Semicolon';
    if (depth === skillDepth && t.kind === 'Identifier' && startsLine && next?.kind !== 'Newline' && next?.kind !== 'RBrace') {
      points.push({ at: t.end, rule: 5 });
    }
  });
  return points;
}

/** The rule (1, 2, 4, 5, 6) allowing a break after token i (for 4: after the pipeline name), or 0. */
function breakRule(tokens: Token[], i: number, prev: Token | undefined, next: Token | undefined): number {
  const t = tokens[i]!;
  if (t.kind === 'QuestionDot') return 1;
  if (t.kind === 'Dot') {
    const inRun = (isDot(prev) && isAdjacent(prev, t)) || (isDot(next) && isAdjacent(t, next));
    if (!inRun) return 1;
    const thirdOfSpread = isDot(prev) && isDot(tokens[i - 2]) && isAdjacent(tokens[i - 2], prev) && isAdjacent(prev, t);
    return thirdOfSpread ? 2 : 0;
  }
  const keywordRule = STATEMENT_KEYWORDS.get(t.kind);
  if (keywordRule) {
    const atStatementStart = prev === undefined || prev.kind === 'Newline' || prev.kind === 'LBrace' || prev.kind === 'Semicolon';
    return atStatementStart && next?.kind !== 'Colon' && next?.kind !== 'Newline' ? keywordRule : 0;
  }
  if (t.kind === 'Pipeline' && next?.kind === 'Identifier' && tokens[i + 2]?.kind === 'LParen') return 4;
  return 0;
}

/** `source` with a line break inserted at each of `points`. */
export function insertBreaks(source: string, points: readonly BreakPoint[]): string {
  let out = '';
  let from = 0;
  for (const { at } of points) {
    out += source.slice(from, at) + '\n';
    from = at;
  }
  return out + source.slice(from);
}

/** Line breaks of `source` that continue a line (after a break point, or before a leading "." or "?."), each with only whitespace around it: [start, end) of the gap. */
export function findJoinableBreaks(source: string): [start: number, end: number][] {
  const tokens = tokenize(source).tokens;
  const after = new Set(findBreakPoints(source).map((p) => p.at));
  const gaps: [number, number][] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i]!.kind !== 'Newline' || tokens[i - 1]!.kind === 'Newline') continue;
    let j = i;
    while (tokens[j]?.kind === 'Newline') j++;
    const before = tokens[i - 1]!;
    const next = tokens[j];
    if (!next || !/^\s*$/.test(source.slice(before.end, next.start))) continue;
    if (after.has(before.end) || next.kind === 'Dot' || next.kind === 'QuestionDot') gaps.push([before.end, next.start]);
  }
  return gaps;
}

/** `source` with each gap of `gaps` replaced by one space. */
export function joinBreaks(source: string, gaps: readonly [number, number][]): string {
  let out = '';
  let from = 0;
  for (const [start, end] of gaps) {
    out += source.slice(from, start) + ' ';
    from = end;
  }
  return out + source.slice(from);
}
