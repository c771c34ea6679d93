// The one JSON reader for everything a person hands the tool (policies, grants, scenarios, configs, links): our own
// scanner, so a key written twice is seen (JSON.parse keeps the last one silently) and named by its key path. Maps
// are null-prototype objects (no user key can reach a prototype). Pure; depends on nothing.

/** A problem at a key path (`children[0].ceiling.side_effect_level`; '' for the whole text). */
export interface JsonProblem {
  path: string;
  message: string;
}

/** What the scanner read: the value, syntax errors, and every key written twice in one map. */
export interface JsonScanResult {
  value: unknown;
  errors: JsonProblem[];
  duplicates: JsonProblem[];
}


class JsonFail extends Error {}

interface JsonScan {
  text: string;
  at: number;
  duplicates: JsonProblem[];
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
  const out = Object.create(null) as Record<string, unknown>;
  s.at++;
  skipSpace(s);
  if (s.text[s.at] === '}') return (s.at++, out);
  for (;;) {
    skipSpace(s);
    if (s.text[s.at] !== '"') throw new JsonFail(`expected a key (a string in double quotes) ${where(s)}`);
    const key = jsonString(s);
    const keyPath = path === '' ? key : `${path}.${key}`;
    if (Object.prototype.hasOwnProperty.call(out, key)) s.duplicates.push({ path: keyPath, message: `duplicate key "${key}"` });
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
export function scanJson(text: string): JsonScanResult {
  const s: JsonScan = { text, at: 0, duplicates: [], depth: 0 };
  try {
    const value = jsonValue(s, '');
    skipSpace(s);
    if (s.at < text.length) throw new JsonFail(`unexpected text after the value ${where(s)}`);
    return { value, errors: [], duplicates: s.duplicates };
  } catch (error) {
    if (!(error instanceof JsonFail)) throw error;
    return { value: null, errors: [{ path: '', message: `not valid JSON: ${error.message}` }], duplicates: [] };
  }
}

/** JSON text as a value, or the first problem: a syntax error, or a duplicate key as an error naming its key path
 * (`duplicate key "side_effect_level" at children[0].ceiling.side_effect_level`). A leading BOM is allowed. */
export function parseJsonStrict(text: string): { value: unknown; error: JsonProblem | null } {
  const scanned = scanJson(text.replace(/^\uFEFF/, ''));
  const first = scanned.errors[0] ?? scanned.duplicates[0];
  if (first) return { value: null, error: scanned.errors[0] ? first : { path: first.path, message: `${first.message} at ${first.path}: a key may be written once` } };
  return { value: scanned.value, error: null };
}

// --- Where a value is written ----------------------------------------------------------------------------------

/** Skips one JSON value starting at `at` (after whitespace); returns the offset after it, or -1 on bad JSON. */
function skipJsonValue(text: string, at: number): number {
  let depth = 0;
  let i = at;
  do {
    while (i < text.length && /[ \t\n\r]/.test(text[i]!)) i++;
    const c = text[i];
    if (c === undefined) return -1;
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '{' || c === '[') {
      depth++;
      i++;
    } else if (c === '}' || c === ']') {
      depth--;
      i++;
    } else if (depth > 0) i++;
    else while (i < text.length && !/[,}\] \t\n\r]/.test(text[i]!)) i++; // a literal at the top: true, 12, null
  } while (depth > 0 && i < text.length);
  return depth === 0 ? i : -1;
}

/** The offset of the value at `path` (`['children', 1, 'source']`) in the JSON `text`, or null when there is none. */
export function jsonValueOffset(text: string, path: readonly (string | number)[]): number | null {
  let at = 0;
  for (const step of path) {
    while (at < text.length && /[ \t\n\r]/.test(text[at]!)) at++;
    const open = text[at];
    if (open !== (typeof step === 'number' ? '[' : '{')) return null;
    at++;
    let found = false;
    for (let index = 0; !found; index++) {
      while (at < text.length && /[ \t\n\r,]/.test(text[at]!)) at++;
      if (text[at] === ']' || text[at] === '}' || at >= text.length) return null;
      if (typeof step === 'string') {
        const end = skipJsonValue(text, at);
        if (end < 0) return null;
        let key: unknown;
        try {
          key = JSON.parse(text.slice(at, end));
        } catch {
          return null;
        }
        at = text.indexOf(':', end) + 1;
        if (at === 0) return null;
        found = key === step;
      } else found = index === step;
      if (found) break;
      at = skipJsonValue(text, at);
      if (at < 0) return null;
    }
  }
  while (at < text.length && /[ \t\n\r]/.test(text[at]!)) at++;
  return at < text.length ? at : null;
}

/** The offset in `text` of the character `offset` of the JSON string literal that starts at `literal` (its `"`):
 * each escape (`\n`, `\u0041`) is one character of the string and several of the text. */
export function jsonStringCharOffset(text: string, literal: number, offset: number): number {
  let raw = literal + 1;
  for (let decoded = 0; decoded < offset && raw < text.length && text[raw] !== '"'; decoded++) raw += text[raw] !== '\\' ? 1 : text[raw + 1] === 'u' ? 6 : 2;
  return raw;
}
