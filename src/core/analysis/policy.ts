// Ceiling policies beyond the seed: decoding (./policyDecode.ts, ./policyText.ts), why the clamp drops an
// effect (capability/op or side-effect level), and the policy lints L401–L404.
// Depends on ./effects.ts, ./types.ts and the policy decoding modules; nothing outside src/core.
import { shownName } from '../text.ts';
import { decodePolicy, type CeilingParseResult, type PolicyError } from './policyDecode.ts';
import {
  effectCapabilityOp,
  effectRecordSummary,
  parentCoversChild,
  requestedExceedsCeiling,
  sideEffectLevelFor,
  SIDE_EFFECT_LEVEL_RANK,
} from './effects.ts';
import { EFFECT_SCOPE_ORDER, effectRecord, type CapabilityPolicy, type EffectKind, type EffectRecord } from './types.ts';

export type { CeilingParseResult, PolicyError } from './policyDecode.ts';
export { CLAMP_FIELDS, POLICY_FIELDS, createNameMap, decodePolicy, nearestName, type PolicyField } from './policyDecode.ts';
export { looksLikeJson, parseCeiling, parseHarnPolicyText, parseJsonText, parsePolicyText, policyToHarn, type PolicyTextValue } from './policyText.ts';

/** {@link parseCeiling} for an already-parsed JSON value (`null` = no ceiling): serde's decoding of the whole
 * `CapabilityPolicy`. */
export function parseCeilingValue(raw: unknown): CeilingParseResult {
  return decodePolicy(raw);
}

/** Which seed rule dropped an effect, with a sentence naming what the ceiling allows. */
export interface DropDecision {
  rule: 'capability' | 'level';
  reason: string;
}

function allowedList(capabilities: Record<string, string[]>): string {
  const parts: string[] = [];
  for (const [capability, ops] of Object.entries(capabilities)) {
    if (ops.length === 0) parts.push(shownName(`${capability}.*`));
    else for (const op of ops) parts.push(shownName(`${capability}.${op}`));
  }
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

/** Every rule (in the seed's order) that drops the effect; [] when the ceiling keeps it. */
export function ceilingDropReasons(effect: EffectRecord, ceiling: CapabilityPolicy): DropDecision[] {
  const out: DropDecision[] = [];
  const capabilities = ceiling.capabilities ?? {};
  if (Object.keys(capabilities).length > 0) {
    const [capability, op] = effectCapabilityOp(effect);
    const ops = Object.prototype.hasOwnProperty.call(capabilities, capability) ? capabilities[capability] : undefined;
    if (!(ops !== undefined && (ops.length === 0 || ops.includes(op)))) {
      out.push({ rule: 'capability', reason: `${capability}.${op} is not in the ceiling's capabilities (allowed: ${allowedList(capabilities)})` });
    }
  }
  const level = ceiling.side_effect_level;
  if (level !== undefined && level !== null) {
    const requested = sideEffectLevelFor(effect);
    if (requestedExceedsCeiling(requested, level)) out.push({ rule: 'level', reason: `side_effect_level ${requested} exceeds the ceiling's ${level}` });
  }
  return out;
}

/** Null when the ceiling keeps the effect; else the first rule that drops it, its reason naming every rule that
 * does (so a fix of one rule does not reveal a second one by surprise). */
export function ceilingDropReason(effect: EffectRecord, ceiling: CapabilityPolicy): DropDecision | null {
  const reasons = ceilingDropReasons(effect, ceiling);
  const first = reasons[0];
  if (!first) return null;
  return { rule: first.rule, reason: reasons.map((r) => r.reason).join('; and ') };
}

const SAMPLE_KINDS: EffectKind[] = [
  { kind: 'stdio' }, { kind: 'fs' }, { kind: 'net' }, { kind: 'llm' }, { kind: 'tool', name: '' },
  { kind: 'hostcall', name: '' }, { kind: 'persona', id: '' }, { kind: 'spawn' },
];

/** Every capability → ops pair `effect_capability_op` can produce (the only names a ceiling can usefully list). */
export const KNOWN_CAPABILITY_OPS: Readonly<Record<string, readonly string[]>> = (() => {
  const out: Record<string, string[]> = {};
  for (const kind of SAMPLE_KINDS) {
    for (const scope of EFFECT_SCOPE_ORDER) {
      const [capability, op] = effectCapabilityOp(effectRecord(kind, scope));
      const ops = (out[capability] ??= []);
      if (!ops.includes(op)) ops.push(op);
    }
  }
  return out;
})();

/** One policy lint; `path` points into the ceiling JSON or the grant list. */
export interface PolicyLint {
  code: 'L401' | 'L402' | 'L403' | 'L404' | 'L407' | 'L409' | 'L410' | 'L411' | 'L412';
  target: 'ceiling' | 'grant';
  path: string;
  message: string;
}

/** L401 (unknown level), L402 (capability/op never produced), L403 (constrains nothing). */
export function lintCeiling(ceiling: CapabilityPolicy): PolicyLint[] {
  const lints: PolicyLint[] = [];
  const capabilities = ceiling.capabilities ?? {};
  const level = ceiling.side_effect_level;
  const knownLevels = Object.keys(SIDE_EFFECT_LEVEL_RANK);
  if (level !== undefined && level !== null && !knownLevels.includes(level)) {
    lints.push({
      code: 'L401',
      target: 'ceiling',
      path: 'side_effect_level',
      message: `side_effect_level "${level}" is not a known level (${knownLevels.join(', ')}); it ranks above every known level, so it drops nothing`,
    });
  }
  const knownCaps = Object.keys(KNOWN_CAPABILITY_OPS);
  for (const [capability, ops] of Object.entries(capabilities)) {
    const known = Object.prototype.hasOwnProperty.call(KNOWN_CAPABILITY_OPS, capability) ? KNOWN_CAPABILITY_OPS[capability] : undefined;
    if (!known) {
      lints.push({
        code: 'L402',
        target: 'ceiling',
        path: `capabilities.${capability}`,
        message: `capability "${shownName(capability)}" is never produced by the analysis (known: ${knownCaps.join(', ')}), so it allows nothing`,
      });
      continue;
    }
    ops.forEach((op, i) => {
      const unreached = UNREACHED_OPS.get(`${capability}.${op}`);
      if (unreached !== undefined) {
        lints.push({ code: 'L409', target: 'ceiling', path: `capabilities.${capability}[${i}]`, message: unreached });
      } else if (!known.includes(op)) {
        lints.push({
          code: 'L402',
          target: 'ceiling',
          path: `capabilities.${capability}[${i}]`,
          message: `op "${shownName(op)}" of capability "${capability}" is never produced by the analysis (known ops: ${known.join(', ')}), so it allows nothing`,
        });
      }
    });
  }
  if (ceiling.tools && ceiling.tools.length > 0) {
    lints.push({
      code: 'L410',
      target: 'ceiling',
      path: 'tools',
      message: `tools is not used by the effect clamp: harn's clamp reads capabilities and side_effect_level only, so listing ${ceiling.tools.length} tool(s) here allows or drops nothing (a tool call is checked as host.tool_call)`,
    });
  }
  if (Object.keys(capabilities).length === 0 && (level === undefined || level === null)) {
    const tools = ceiling.tools && ceiling.tools.length > 0 ? ' (tools is not used by the effect clamp)' : '';
    lints.push({ code: 'L403', target: 'ceiling', path: '', message: `the ceiling constrains nothing: capabilities is empty and side_effect_level is not set${tools}` });
  }
  return lints;
}

// Ops a ceiling may name that no effect the analysis computes maps to: listing one allows nothing, silently.
const UNREACHED_OPS: ReadonlyMap<string, string> = new Map([
  [
    'workspace.exists',
    'op "exists" of capability "workspace" matches no effect harn computes: file_exists and harness.fs.exists are fs:read, which the clamp checks as workspace.read_text, so listing exists allows nothing',
  ],
]);

/** L411: a level ceiling with a granted hostcall that is not `process.*`: the seed ranks it read_only, so every
 * level from read_only up keeps it, whatever the host call does. */
export function lintHostcallLevels(ceiling: CapabilityPolicy, granted: readonly EffectRecord[]): PolicyLint[] {
  if (ceiling.side_effect_level === undefined || ceiling.side_effect_level === null) return [];
  const names = [...new Set(granted.flatMap((e) => (e.kind.kind === 'hostcall' && !e.kind.name.startsWith('process.') ? [e.kind.name] : [])))];
  return names.map((name) => ({
    code: 'L411',
    target: 'ceiling',
    path: 'side_effect_level',
    message: `hostcall ${name} ranks read_only, as every hostcall not named process.* does in harn, so side_effect_level ${ceiling.side_effect_level} keeps it whatever it does`,
  }));
}

/** L412: a grant's llm record that names a provider or model: harn's coverage ignores both, so it covers every model. */
function lintGrantProviders(grant: readonly EffectRecord[]): PolicyLint[] {
  const out: PolicyLint[] = [];
  grant.forEach((record, i) => {
    if (record.kind.kind !== 'llm' || (record.kind.provider === undefined && record.kind.model === undefined)) return;
    out.push({
      code: 'L412',
      target: 'grant',
      path: `[${i}]`,
      message: `${effectRecordSummary(record)} constrains no provider or model: harn's coverage matches llm effects by kind only, so it also covers llm:openai/gpt-4o and every other model`,
    });
  });
  return out;
}

/** L404: a parent grant record that covers no effect any child is granted. */
export function lintGrant(grant: readonly EffectRecord[], childEffects: readonly (readonly EffectRecord[])[]): PolicyLint[] {
  const lints: PolicyLint[] = [];
  grant.forEach((record, i) => {
    const used = childEffects.some((effects) => effects.some((effect) => parentCoversChild(record, effect)));
    if (!used) {
      lints.push({ code: 'L404', target: 'grant', path: `[${i}]`, message: `parent grant record ${effectRecordSummary(record)} is used by no child` });
    }
  });
  return [...lints, ...lintGrantProviders(grant)];
}

/** L407: what the policy's decoding ignored (unknown fields, with the nearest known name; duplicate map keys). */
export function ignoredFieldLints(warnings: readonly PolicyError[]): PolicyLint[] {
  return warnings.map((w) => ({ code: 'L407', target: 'ceiling', path: w.path, message: w.message }));
}
