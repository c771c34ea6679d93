// Two policies compared as policies — over every effect, whether or not a program requests it today: what a grant
// or a ceiling newly allows and newly denies, and a textual diff of their fields. A grant allows what one of its
// records covers (`parentCoversChild`, transitive, so one record's effects lie within another record's exactly when
// that record covers it); a ceiling decides by capability/op and side_effect_level only, so one representative
// effect per decision class decides for all. Pure: depends on ../analysis only.
import { effectAllowedByCeiling, effectCapabilityOp, effectRecordSummary, parentCoversChild, sideEffectLevelFor } from '../analysis/effects.ts';
import { EFFECT_SCOPE_ORDER, effectToValue, type CapabilityPolicy, type EffectKind, type EffectRecord } from '../analysis/types.ts';

/** One effect (or class of effects) allowed on one side only. */
export interface AccessChange {
  /** The most specific effect that witnesses the change (for a ceiling, a representative of its class). */
  effect: EffectRecord;
  /** `fs:write (out.txt)`, or for a ceiling `fs:write (workspace.write_text, workspace_write)`. */
  summary: string;
}

export interface AccessDiff {
  newlyAllowed: AccessChange[];
  newlyDenied: AccessChange[];
}

/** Grants compared as policies; `null` = no grant (no enforcement: every effect allowed). */
export function compareGrants(before: readonly EffectRecord[] | null, after: readonly EffectRecord[] | null): AccessDiff {
  const gained = (from: readonly EffectRecord[] | null, to: readonly EffectRecord[] | null): AccessChange[] => {
    if (to === null) return from === null ? [] : [{ effect: ANY_EFFECT, summary: 'every effect (no grant: nothing is enforced)' }];
    if (from === null) return [];
    return to.filter((record) => !from.some((old) => parentCoversChild(old, record))).map((effect) => ({ effect, summary: effectRecordSummary(effect) }));
  };
  return { newlyAllowed: gained(before, after), newlyDenied: gained(after, before) };
}

const ANY_EFFECT: EffectRecord = { kind: { kind: 'tool', name: '' }, scope: 'mutate' };

// One kind per decision class of the clamp: a hostcall named process.* ranks process_exec, any other read_only.
const CLASS_KINDS: EffectKind[] = [
  { kind: 'stdio' }, { kind: 'fs' }, { kind: 'net' }, { kind: 'llm' }, { kind: 'tool', name: '' },
  { kind: 'hostcall', name: '' }, { kind: 'hostcall', name: 'process.*' }, { kind: 'persona', id: '' }, { kind: 'spawn' },
];

const classKey = (effect: EffectRecord) => `${effectCapabilityOp(effect).join('.')} at ${sideEffectLevelFor(effect)}`;

/** One representative effect per (capability/op, side-effect level) class: the whole space a ceiling decides on. */
export const CEILING_CLASSES: readonly EffectRecord[] = (() => {
  const seen = new Set<string>();
  const out: EffectRecord[] = [];
  for (const kind of CLASS_KINDS) {
    for (const scope of EFFECT_SCOPE_ORDER) {
      const effect: EffectRecord = { kind, scope };
      if (seen.has(classKey(effect))) continue;
      seen.add(classKey(effect));
      out.push(effect);
    }
  }
  return out;
})();

// `network.http at network (net:read, net:write, net:mutate, net:observe)`: the class and every effect in it.
function classSummary(effect: EffectRecord): string {
  const key = classKey(effect);
  const members = CLASS_KINDS.flatMap((kind) => EFFECT_SCOPE_ORDER.map((scope): EffectRecord => ({ kind, scope }))).filter((e) => classKey(e) === key);
  return `${key} (${members.map(effectRecordSummary).join(', ')})`;
}

/** Ceilings compared as policies; `null` = no ceiling (every effect kept). */
export function compareCeilings(before: CapabilityPolicy | null, after: CapabilityPolicy | null): AccessDiff {
  const allows = (c: CapabilityPolicy | null, e: EffectRecord) => c === null || effectAllowedByCeiling(e, c);
  const change = (effect: EffectRecord): AccessChange => ({ effect, summary: classSummary(effect) });
  return {
    newlyAllowed: CEILING_CLASSES.filter((e) => allows(after, e) && !allows(before, e)).map(change),
    newlyDenied: CEILING_CLASSES.filter((e) => allows(before, e) && !allows(after, e)).map(change),
  };
}

/** A line diff (longest common subsequence) of two texts: ` `, `-` and `+` prefixed lines. */
export function textDiff(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) out.push(`+ ${b[j++]}`);
    else out.push(`- ${a[i++]}`);
  }
  return out;
}

/** A grant as the text the field diff compares: one serde record per line. */
export function grantText(grant: readonly EffectRecord[] | null): string {
  return grant === null ? '(no grant)' : ['[', ...grant.map((e, i) => `  ${JSON.stringify(effectToValue(e))}${i < grant.length - 1 ? ',' : ''}`), ']'].join('\n');
}

/** A ceiling as the text the field diff compares: pretty JSON, fields in harn's order. */
export function ceilingText(ceiling: CapabilityPolicy | null): string {
  if (ceiling === null) return '(no ceiling)';
  // Normalized ceilings always carry `tools`, `capabilities` and `side_effect_level`; serde's defaults (an empty list
  // or map, null) are not part of what was written, so they are left out as harn's own literals leave them out.
  const isDefault = (value: unknown) => value === null || value === undefined || (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && Object.keys(value).length === 0);
  return JSON.stringify(Object.fromEntries(Object.entries(ceiling).filter(([, value]) => !isDefault(value))), null, 2);
}
