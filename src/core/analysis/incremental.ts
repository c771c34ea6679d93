// The effects of a program that is re-analyzed keystroke after keystroke: the same result as
// `collectHandoffEffects`, computed per statement of each handler body and remembered by the statement's text,
// so an edit re-collects only the statements it touched. Depends on ../syntax types, ./ir.ts, ./effects.ts, ./types.ts.
//
// Why this is exact. `collectHandoffEffects` gathers (effect, call site) pairs from two passes and then
// canonicalizes them (sorted effects, each with its sites sorted and deduplicated), so only the set of pairs
// matters, not the order they were found in:
// - the IR pass lowers each handler's body statement by statement (`lowerStatement`), and
// - the harness walker descends from every top-level node; through a handler (or an attributed one) it reaches
//   exactly the body statements (`childNodes` of a handler is its body, and neither node is a method call).
// So the pairs of a handler body statement depend on that statement's subtree alone. A statement parses from its
// own tokens (the lexer is between tokens at its start, and the parser stopped at its end either way), so the same
// text gives the same subtree shifted to its offset: its pairs are kept with sites relative to its start.
// Top-level nodes that are not handlers are walked as the seed walks them. The canonical order is kept from one
// collection to the next too: effects still present keep their order and new ones are placed by binary search
// (`compareEffects`), instead of sorting them all again. test/core/analysis/incremental.test.ts holds this against
// `collectHandoffEffects` on every corpus program and on long runs of random edits.
import type { SNode } from '../syntax/ast.ts';
import { effectsFromCall, insertEffect, parsedProgram, walkForHarnessEffects, type EffectCollector, type ParsedSource } from './effects.ts';
import { lowerStatement } from './ir.ts';
import { compareEffects, dedupeSpans, type AnalyzedEffect, type EffectRecord } from './types.ts';

/** One (effect, call site) pair of a statement, the site relative to the statement's start. */
interface RelativeSite {
  key: string;
  effect: EffectRecord;
  start: number;
  end: number;
}

/** `collectHandoffEffects` for successive versions of one program (one collector per program being edited). */
export interface IncrementalEffects {
  /** Exactly `collectHandoffEffects(parsed)`; `source` is the text `parsed` was parsed from. */
  collect(parsed: ParsedSource, source: string): AnalyzedEffect[] | null;
}

const NO_SITES: readonly RelativeSite[] = [];

function statementSites(statement: SNode): readonly RelativeSite[] {
  const found: EffectCollector = new Map();
  for (const call of lowerStatement(statement)) {
    for (const effect of effectsFromCall(call.semantics)) insertEffect(found, effect, call.span);
  }
  walkForHarnessEffects(statement, found);
  if (found.size === 0) return NO_SITES;
  const base = statement.span.start;
  const sites: RelativeSite[] = [];
  for (const [key, { effect, sites: spans }] of found) {
    for (const span of spans) sites.push({ key, effect, start: span.start - base, end: span.end - base });
  }
  return sites;
}

function handlerBody(node: SNode): readonly SNode[] | null {
  const inner = node.kind === 'AttributedDecl' ? node.inner : node;
  return inner.kind === 'FnDecl' || inner.kind === 'ToolDecl' || inner.kind === 'Pipeline' ? inner.body : null;
}

/** The keys of `collected` in canonical (`compareEffects`) order, given the order of the previous collection. */
function canonicalKeys(collected: EffectCollector, previous: readonly string[]): string[] {
  const keys: string[] = [];
  for (const key of previous) if (collected.has(key)) keys.push(key);
  if (keys.length === collected.size) return keys;
  const kept = new Set(keys);
  for (const [key, { effect }] of collected) {
    if (kept.has(key)) continue;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareEffects(collected.get(keys[mid]!)!.effect, effect) < 0) lo = mid + 1;
      else hi = mid;
    }
    keys.splice(lo, 0, key);
  }
  return keys;
}

export function createIncrementalEffects(): IncrementalEffects {
  // The statements of the previous collection, by text; each collection keeps only what it used.
  let known = new Map<string, readonly RelativeSite[]>();
  let order: string[] = [];
  return {
    collect(parsed, source) {
      const program = parsedProgram(parsed);
      if (program === null) return null;
      const used = new Map<string, readonly RelativeSite[]>();
      const collected: EffectCollector = new Map();
      for (const node of program) {
        const body = handlerBody(node);
        if (body === null) {
          walkForHarnessEffects(node, collected);
          continue;
        }
        for (const statement of body) {
          const { start, end } = statement.span;
          const text = source.slice(start, end);
          let sites = used.get(text) ?? known.get(text);
          if (sites === undefined) sites = statementSites(statement);
          used.set(text, sites);
          for (const site of sites) insertEffect(collected, site.effect, { start: start + site.start, end: start + site.end }, site.key);
        }
      }
      known = used;
      order = canonicalKeys(collected, order);
      return order.map((key) => {
        const item = collected.get(key)!;
        return { effect: item.effect, sites: dedupeSpans(item.sites) };
      });
    },
  };
}
