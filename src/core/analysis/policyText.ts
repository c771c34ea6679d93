// Policy text as a user pastes it: JSON (read by our own scanner, so duplicate keys are seen — JSON.parse keeps the
// last silently) or a Harn dict literal (`capability_policy: {capabilities: {workspace: ["read_text"]}}`, parsed by
// our own parser; only literals allowed). Both give a JSON value with null-prototype maps, then serde's decoding.
// And back: a policy printed as a Harn dict literal. Pure: depends on ../syntax and ./policyDecode.ts.
import { parse } from '../syntax/index.ts';
import { scanJson } from '../json.ts';
import type { SNode } from '../syntax/ast.ts';
import { createNameMap, decodePolicy, hasOwnKey, POLICY_FIELDS, type CeilingParseResult, type PolicyError } from './policyDecode.ts';
import type { CapabilityPolicy } from './types.ts';

/** A parsed policy text: its JSON value (null-prototype maps) and the problems met on the way. */
export interface PolicyTextValue {
  value: unknown;
  syntax: 'json' | 'harn';
  errors: PolicyError[];
  /** Keys written twice in one map (refused by parseCeiling: one error naming the key path). */
  duplicates: PolicyError[];
}

// --- JSON -------------------------------------------------------------------------------------------------------

/** Parses JSON text (maps as null-prototype objects, duplicate keys reported). Never throws. */
export function parseJsonText(text: string): PolicyTextValue {
  return { ...scanJson(text), syntax: 'json' };
}

/** True when the text reads as JSON (whatever a file's extension says). */
export function looksLikeJson(text: string): boolean {
  return parseJsonText(text.replace(/^\uFEFF/, '')).errors.length === 0;
}

// --- Harn dict literal -------------------------------------------------------------------------------------------

// `capability_policy: {…}` (as written inside a handoff or workflow dict) or a bare `{…}`.
const HARN_PREFIX = /^\s*(?:[A-Za-z_][A-Za-z0-9_]*\s*:\s*)?(?=\{)/;

class HarnFail extends Error {}

function harnLiteral(node: SNode, path: string, duplicates: PolicyError[], source: string): unknown {
  switch (node.kind) {
    case 'StringLiteral':
    case 'RawStringLiteral':
      return node.value;
    case 'IntLiteral':
    case 'FloatLiteral':
      return node.value;
    case 'BoolLiteral':
      return node.value;
    case 'NilLiteral':
      return null;
    case 'UnaryOp':
      if (node.op === '-' && (node.operand.kind === 'IntLiteral' || node.operand.kind === 'FloatLiteral')) return -node.operand.value;
      break;
    case 'ListLiteral':
      return node.items.map((item, i) => harnLiteral(item, `${path}[${i}]`, duplicates, source));
    case 'DictLiteral': {
      const out = createNameMap<unknown>();
      for (const entry of node.entries) {
        if (entry.key.kind !== 'StringLiteral' && entry.key.kind !== 'RawStringLiteral') {
          throw new HarnFail(`${path || 'the policy'}: only literal keys are allowed, found ${source.slice(entry.key.span.start, entry.key.span.end) || 'a spread'}`);
        }
        const key = entry.key.value;
        const keyPath = path === '' ? key : `${path}.${key}`;
        if (hasOwnKey(out, key)) duplicates.push({ path: keyPath, message: `duplicate key "${key}"` });
        out[key] = harnLiteral(entry.value, keyPath, duplicates, source);
      }
      return out;
    }
    default:
      break;
  }
  const text = source.slice(node.span.start, node.span.end);
  throw new HarnFail(`${path || 'the policy'}: only literals are allowed (strings, numbers, true/false, nil, lists, dicts), found ${JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text)}`);
}

/** Parses a Harn dict literal with the playground's own parser; anything but a literal is an error. Never throws. */
export function parseHarnPolicyText(text: string): PolicyTextValue {
  const prefix = HARN_PREFIX.exec(text);
  // A `capability_policy: {…},` line pasted as it stands in a handoff dict ends with the entry's comma.
  const body = (prefix ? text.slice(prefix[0].length) : text).replace(/,\s*$/, '');
  const source = `let __policy = ${body}\n`;
  const fail = (message: string): PolicyTextValue => ({ value: null, syntax: 'harn', errors: [{ path: '', message }], duplicates: [] });
  const parsed = parse(source);
  const error = parsed.diagnostics.find((d) => d.severity === 'error');
  if (error) return fail(`not a valid Harn dict literal: ${error.message}`);
  const [statement, ...rest] = parsed.program;
  if (!statement || rest.length > 0 || statement.kind !== 'LetBinding' || !statement.value) return fail('expected one dict literal like {capabilities: {workspace: ["read_text"]}}');
  const duplicates: PolicyError[] = [];
  try {
    return { value: harnLiteral(statement.value, '', duplicates, source), syntax: 'harn', errors: [], duplicates };
  } catch (e) {
    if (!(e instanceof HarnFail)) throw e;
    return fail(e.message);
  }
}

/** JSON when the text is JSON, else a Harn dict literal when it reads as one, else the JSON error. */
export function parsePolicyText(text: string): PolicyTextValue {
  const clean = text.replace(/^\uFEFF/, '');
  const json = parseJsonText(clean);
  if (json.errors.length === 0 || !HARN_PREFIX.test(clean)) return json;
  const harn = parseHarnPolicyText(clean);
  // A text that starts like JSON and fails as both is most likely broken JSON: say that.
  return harn.errors.length === 0 || !/^\s*\{\s*"/.test(clean) ? harn : json;
}

/** Parses a ceiling's text (JSON or a Harn dict literal). Never throws; the UI shows `errors` and keeps its last
 * valid policy. Duplicate struct fields are errors (serde refuses them); duplicate map keys are warnings. */
export function parseCeiling(text: string): CeilingParseResult & { syntax: 'json' | 'harn' } {
  if (text.trim() === '') return { value: null, errors: [], warnings: [], syntax: 'json' };
  const parsed = parsePolicyText(text);
  if (parsed.errors.length > 0) return { value: null, errors: parsed.errors, warnings: [], syntax: parsed.syntax };
  const decoded = decodePolicy(parsed.value);
  const fieldDuplicates = parsed.duplicates.filter((d) => (POLICY_FIELDS as readonly string[]).includes(d.path));
  const mapDuplicates = parsed.duplicates.filter((d) => !fieldDuplicates.includes(d));
  // A key written twice is an error wherever it is: which one counts is not something to guess (serde refuses a
  // duplicate field; a map would keep the later one silently).
  const errors = [...fieldDuplicates.map((d) => ({ path: d.path, message: `duplicate field \`${d.path}\`` })), ...mapDuplicates.map((d) => ({ path: d.path, message: `${d.message} at ${d.path}: a key may be written once` })), ...decoded.errors];
  const warnings = decoded.warnings;
  return { value: errors.length > 0 ? null : decoded.value, errors, warnings, syntax: parsed.syntax };
}

// --- Back to Harn ------------------------------------------------------------------------------------------------

function harnKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key);
}

function harnValue(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(harnValue).join(', ')}]`;
  const entries = Object.keys(value as object).map((key) => `${harnKey(key)}: ${harnValue((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(', ')}}`;
}

function isDefault(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** The policy as harn source writes it: `capability_policy: {capabilities: {workspace: ["read_text"]}, …}`, fields
 * in struct order, serde defaults (empty lists and maps, nil) left out as harn's own literals leave them out. */
export function policyToHarn(policy: CapabilityPolicy): string {
  const fields = POLICY_FIELDS.filter((field) => hasOwnKey(policy, field) && !isDefault(policy[field]));
  return `capability_policy: {${fields.map((field) => `${field}: ${harnValue(policy[field])}`).join(', ')}}`;
}
