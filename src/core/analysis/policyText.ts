// Policy text as a user pastes it: JSON (read by our own scanner, so duplicate keys are seen — JSON.parse keeps the
// last silently) or a Harn dict literal (`capability_policy: {capabilities: {workspace: ["read_text"]}}`, parsed by
// our own parser; only literals allowed). Both give a JSON value with null-prototype maps, then serde's decoding.
// And back: a policy printed as a Harn dict literal. Pure: depends on ../syntax and ./policyDecode.ts.
import { parse } from '../syntax/index.ts';
import type { SNode } from '../syntax/ast.ts';
import { createNameMap, decodePolicy, hasOwnKey, POLICY_FIELDS, type CeilingParseResult, type PolicyError } from './policyDecode.ts';
import type { CapabilityPolicy } from './types.ts';

/** A parsed policy text: its JSON value (null-prototype maps) and the problems met on the way. */
export interface PolicyTextValue {
  value: unknown;
  syntax: 'json' | 'harn';
  errors: PolicyError[];
  /** Keys written twice in one map (the later one wins, as in serde_json's maps). */
  duplicates: PolicyError[];
}

// --- JSON -------------------------------------------------------------------------------------------------------

class JsonFail extends Error {}

interface JsonScan {
  text: string;
  at: number;
  duplicates: PolicyError[];
  depth: number;
}

const MAX_JSON_DEPTH = 200;

function where(s: JsonScan): string {
  let line = 1;
  let column = 1;
  for (let i = 0; i < s.at && i < s.text.length; i++) {
    if (s.text.charCodeAt(i) === 10) [line, column] = [line + 1, 1];
    else column++;
  }
  const found = s.at >= s.text.length ? 'the end of the text' : JSON.stringify(s.text[s.at]);
  return `at line ${line} column ${column} (found ${found})`;
}

function skipSpace(s: JsonScan): void {
  while (s.at < s.text.length && /[ \t\n\r]/.test(s.text[s.at]!)) s.at++;
}

function jsonString(s: JsonScan): string {
  const start = s.at;
  // The string's exact JSON text, decoded by JSON.parse (escapes handled there, identically to every reader).
  s.at++;
  while (s.at < s.text.length && s.text[s.at] !== '"') {
    if (s.text[s.at] === '\\') s.at++;
    else if (s.text.charCodeAt(s.at) < 0x20) throw new JsonFail(`a control character in a string ${where(s)}`);
    s.at++;
  }
  if (s.at >= s.text.length) throw new JsonFail(`an unterminated string ${where(s)}`);
  s.at++;
  try {
    return JSON.parse(s.text.slice(start, s.at)) as string;
  } catch {
    s.at = start;
    throw new JsonFail(`an invalid escape in a string ${where(s)}`);
  }
}

function jsonValue(s: JsonScan, path: string): unknown {
  skipSpace(s);
  const c = s.text[s.at];
  if (c === '{' || c === '[') {
    if (++s.depth > MAX_JSON_DEPTH) throw new JsonFail(`nesting deeper than ${MAX_JSON_DEPTH} ${where(s)}`);
    const out = c === '{' ? jsonObject(s, path) : jsonArray(s, path);
    s.depth--;
    return out;
  }
  if (c === '"') return jsonString(s);
  const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(s.text.slice(s.at, s.at + 400));
  if (!literal) throw new JsonFail(`expected a value ${where(s)}`);
  s.at += literal[0].length;
  return JSON.parse(literal[0]) as unknown;
}

function jsonObject(s: JsonScan, path: string): Record<string, unknown> {
  const out = createNameMap<unknown>();
  s.at++;
  skipSpace(s);
  if (s.text[s.at] === '}') return (s.at++, out);
  for (;;) {
    skipSpace(s);
    if (s.text[s.at] !== '"') throw new JsonFail(`expected a key (a string in double quotes) ${where(s)}`);
    const key = jsonString(s);
    const keyPath = path === '' ? key : `${path}.${key}`;
    if (hasOwnKey(out, key)) s.duplicates.push({ path: keyPath, message: `duplicate key "${key}"` });
    skipSpace(s);
    if (s.text[s.at] !== ':') throw new JsonFail(`expected ":" after a key ${where(s)}`);
    s.at++;
    out[key] = jsonValue(s, keyPath);
    skipSpace(s);
    if (s.text[s.at] === ',') s.at++;
    else if (s.text[s.at] === '}') return (s.at++, out);
    else throw new JsonFail(`expected "," or "}" after a value ${where(s)}`);
  }
}

function jsonArray(s: JsonScan, path: string): unknown[] {
  const out: unknown[] = [];
  s.at++;
  skipSpace(s);
  if (s.text[s.at] === ']') return (s.at++, out);
  for (;;) {
    out.push(jsonValue(s, `${path}[${out.length}]`));
    skipSpace(s);
    if (s.text[s.at] === ',') s.at++;
    else if (s.text[s.at] === ']') return (s.at++, out);
    else throw new JsonFail(`expected "," or "]" after a value ${where(s)}`);
  }
}

/** Parses JSON text (maps as null-prototype objects, duplicate keys reported). Never throws. */
export function parseJsonText(text: string): PolicyTextValue {
  const s: JsonScan = { text, at: 0, duplicates: [], depth: 0 };
  try {
    const value = jsonValue(s, '');
    skipSpace(s);
    if (s.at < text.length) throw new JsonFail(`unexpected text after the value ${where(s)}`);
    return { value, syntax: 'json', errors: [], duplicates: s.duplicates };
  } catch (error) {
    if (!(error instanceof JsonFail)) throw error;
    return { value: null, syntax: 'json', errors: [{ path: '', message: `not valid JSON: ${error.message}` }], duplicates: [] };
  }
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
  const errors = [...fieldDuplicates.map((d) => ({ path: d.path, message: `duplicate field \`${d.path}\`` })), ...decoded.errors];
  const warnings = [...mapDuplicates.map((d) => ({ path: d.path, message: `${d.message}: the later one wins` })), ...decoded.warnings];
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
