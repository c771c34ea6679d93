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

/** 1-based line and column (UTF-16 units) of `offset` in `source`. */
export function offsetPosition(source: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, source.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: clamped - lineStart + 1 };
}

/** The colour slot of a task: 0 = the parent, 1..8 = the children in order. */
export function taskColorIndex(childIndex: number | null): number {
  return childIndex === null ? 0 : (childIndex % 8) + 1;
}
