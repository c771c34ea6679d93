// Display helpers for plain data from the worker: effect labels (the seed's `effect_kind_label` /
// `effect_record_summary` wording). No parsing, no analysis.
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

/** The first problem of an invalid parent grant, named as core's S553 diagnostic names it (`parent.grant[1]: …`),
 * or null when the grant is valid. */
export function grantErrorText(errors: readonly { path: string; message: string }[]): string | null {
  const first = errors[0];
  if (!first) return null;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `parent.grant${first.path}: ${first.message}${more}`;
}
