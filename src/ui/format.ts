// Display helpers for plain data from the worker: effect labels (the seed's `effect_kind_label` /
// `effect_record_summary` wording), line/column of an offset, task colours. No parsing, no analysis.
import type { EffectKind, EffectRecord } from '../core/analysis/types.ts';

/** `effect_kind_label`: `net`, `llm:anthropic/claude`, `tool:search`. */
export function effectKindLabel(kind: EffectKind): string {
  switch (kind.kind) {
    case 'llm':
      if (kind.provider !== undefined && kind.model !== undefined) return `llm:${kind.provider}/${kind.model}`;
      if (kind.provider !== undefined) return `llm:${kind.provider}`;
      if (kind.model !== undefined) return `llm:${kind.model}`;
      return 'llm';
    case 'tool':
    case 'hostcall':
      return kind.name === '' ? kind.kind : `${kind.kind}:${kind.name}`;
    case 'persona':
      return kind.id === '' ? 'persona' : `persona:${kind.id}`;
    default:
      return kind.kind;
  }
}

/** `effect_record_summary`: `net:write (https://example.test/api)`. */
export function effectSummary(effect: EffectRecord): string {
  const head = `${effectKindLabel(effect.kind)}:${effect.scope}`;
  return effect.resource !== undefined && effect.resource !== '' ? `${head} (${effect.resource})` : head;
}

/**
 * Line starts of recently seen sources. The ledger and the diagnostics panel ask for the position of every call site
 * on every analysis; scanning the source from the start each time made typing in a 1,000-line child quadratic.
 * A few sources are live at once (the parent and each child), so a small cache keyed by the text is enough.
 */
const LINE_START_CACHE_SIZE = 16;
const lineStartCache = new Map<string, number[]>();

/** The offsets where each line of `source` starts (cached for a few recent sources). */
export function lineStarts(source: string): readonly number[] {
  const cached = lineStartCache.get(source);
  if (cached) return cached;
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  if (lineStartCache.size >= LINE_START_CACHE_SIZE) lineStartCache.delete(lineStartCache.keys().next().value!);
  lineStartCache.set(source, starts);
  return starts;
}

/** The 0-based line of `offset` (already clamped to the source) given the source's {@link lineStarts}. */
export function lineIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 1-based line and column (UTF-16 units) of `offset` in `source`. */
export function offsetPosition(source: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, source.length));
  const starts = lineStarts(source);
  const line = lineIndexAt(starts, clamped);
  return { line: line + 1, column: clamped - starts[line]! + 1 };
}

/** The colour slot of a task: 0 = the parent, 1..8 = the children in order. */
export function taskColorIndex(childIndex: number | null): number {
  return childIndex === null ? 0 : (childIndex % 8) + 1;
}
