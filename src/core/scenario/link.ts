// The share-link codec (DESIGN §5): `#s=<version>.<base64url(raw deflate(minified JSON))>`, defaults omitted.
// decodeLink never throws: every way a pasted string can be wrong is a LinkError kind, and inflation stops at
// MAX_INFLATED_BYTES so a decompression bomb cannot allocate memory. Depends on fflate and ./ files only.
import { deflateSync, Inflate } from 'fflate';
import { parseJsonStrict } from '../json.ts';
import { base64urlDecode, base64urlEncode } from './base64url.ts';
import { minimizeScenario, normalizeScenario } from './defaults.ts';
import { INFLATE_CHUNK_BYTES, MAX_INFLATED_BYTES, MAX_LINK_CHARS } from './limits.ts';
import { migrateScenario, MIGRATIONS, type MigrationChain } from './migrations.ts';
import { formatScenarioError, validateScenario } from './schema.ts';
import { SCENARIO_VERSION, type Scenario, type ScenarioError, type ScenarioInput } from './types.ts';

export type LinkErrorKind =
  | 'empty'
  | 'no-payload'
  | 'bad-version'
  | 'future-version'
  | 'not-base64'
  | 'not-deflate'
  | 'too-large'
  | 'bomb'
  | 'not-json'
  | 'schema';

export interface LinkError {
  kind: LinkErrorKind;
  /** One sentence for the user, e.g. "this link was made by a newer Harn Scope Lab (version 2); …". */
  message: string;
  details?: {
    /** `schema`: every validation error. */
    errors?: ScenarioError[];
    /** `not-base64`: 0-based index of the bad character in the data after `<version>.`. */
    position?: number;
    /** `bad-version` / `future-version`: the link's version, when it is a number. */
    version?: number;
    /** `too-large` / `bomb`: the limit that was exceeded. */
    limit?: number;
    /** `not-base64` / `not-deflate`: the data stops early, as when a link is cut off while being copied. */
    truncated?: boolean;
  };
}

export interface LinkResult {
  value: Scenario | null;
  error: LinkError | null;
}

export interface DecodeLinkOptions {
  /** The migration chain for links of older versions (tests inject one; default the real MIGRATIONS). */
  migrations?: MigrationChain;
}

/** The fragment (starting `#s=`) that holds `scenario`, defaults left out. Pass a valid scenario: an invalid
 * one encodes, but its link decodes to a `schema` error. */
export function encodeLink(scenario: ScenarioInput): string {
  const json = JSON.stringify(minimizeScenario(normalizeScenario(scenario)));
  const compressed = deflateSync(new TextEncoder().encode(json), { level: 9 });
  return `#s=${SCENARIO_VERSION}.${base64urlEncode(compressed)}`;
}

/** The share link of `scenario` when the loader would open it again, or why not: a link is checked against the same
 * schema and limits as every input (issue "Hardening": nothing the app writes is something it refuses to read). */
export function shareLinkOf(scenario: unknown): { value: string | null; error: string | null } {
  const checked = validateScenario(scenario);
  if (checked.value === null) {
    const [first] = checked.errors;
    return { value: null, error: `This session cannot be shared or reopened: ${first ? formatScenarioError(first) : 'it is not a valid scenario'}.` };
  }
  const link = encodeLink(checked.value);
  if (link.length > MAX_LINK_CHARS) {
    return { value: null, error: `This session's link would be ${count(link.length)} characters, over the ${count(MAX_LINK_CHARS)}-character limit links are opened with.` };
  }
  return { value: link, error: null };
}

/** Decodes a full URL, a `#s=…` fragment or `s=…` into a normalized scenario, or says exactly what is wrong.
 * Never throws. */
export function decodeLink(fragmentOrUrl: string, options: DecodeLinkOptions = {}): LinkResult {
  try {
    return decodeUnsafe(fragmentOrUrl, options.migrations ?? MIGRATIONS);
  } catch (error) {
    // Every step above reports its own failures; reaching here is a bug, but still never a crash.
    return fail(
      'not-json',
      `the link could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function decodeUnsafe(input: string, migrations: MigrationChain): LinkResult {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') return fail('empty', 'the link is empty');
  if (text.length > MAX_LINK_CHARS) {
    return fail(
      'too-large',
      `the link is ${count(text.length)} characters, over the ${count(MAX_LINK_CHARS)}-character limit`,
      { limit: MAX_LINK_CHARS },
    );
  }
  const hash = text.indexOf('#');
  const params = (hash >= 0 ? text.slice(hash + 1) : text).split('&');
  const param = params.find((part) => part.startsWith('s='));
  if (param === undefined)
    return fail('no-payload', 'no scenario in this link: expected a "#s=<version>.<data>" fragment');
  const value = param.slice(2);
  if (value === '') return fail('no-payload', 'the link\'s "s=" parameter is empty');
  const dot = value.indexOf('.');
  const versionText = dot >= 0 ? value.slice(0, dot) : value;
  if (!/^[0-9]{1,9}$/.test(versionText)) {
    return fail(
      'bad-version',
      `the link does not start with a format version: expected "s=<version>.<data>", got "s=${value.slice(0, 12)}${value.length > 12 ? '…' : ''}"`,
    );
  }
  const version = Number(versionText);
  if (version > SCENARIO_VERSION) {
    return fail(
      'future-version',
      `this link was made by a newer Harn Scope Lab (version ${version}); this one opens versions up to ${SCENARIO_VERSION}`,
      { version },
    );
  }
  const missing = missingMigration(version, migrations);
  if (missing !== null) {
    return fail(
      'bad-version',
      `links of version ${version} cannot be opened: there is no migration from version ${missing} to ${missing + 1}`,
      { version },
    );
  }
  const data = dot >= 0 ? value.slice(dot + 1) : '';
  if (data === '') return fail('no-payload', `the link has a version (${version}) but no data after it`);
  const decoded = base64urlDecode(data);
  if (decoded.kind === 'bad-char') {
    return fail(
      'not-base64',
      `the link data is not valid base64url at character ${decoded.index + 1} (${JSON.stringify(decoded.char)})`,
      { position: decoded.index },
    );
  }
  if (decoded.kind === 'bad-length') {
    return fail(
      'not-base64',
      'the link data ends in the middle of a character group: it was probably cut off when copied (copy the whole link)',
      { truncated: true },
    );
  }
  const inflated = inflateCapped(decoded.bytes);
  if (inflated.kind !== 'ok') return inflated.result;
  let json: unknown;
  try {
    const parsed = parseJsonStrict(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
    if (parsed.error) return fail('not-json', `the link data is not a scenario in JSON: ${parsed.error.message}`);
    json = parsed.value;
  } catch (error) {
    return fail(
      'not-json',
      `the link data is not a scenario in JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const migrated = migrateScenario(json, version, migrations);
  if (migrated.error !== null)
    return fail(
      version < SCENARIO_VERSION ? 'bad-version' : 'schema',
      `the link cannot be opened: ${migrated.error}`,
      { version },
    );
  const result = validateScenario(migrated.value);
  if (result.value === null) {
    const [first] = result.errors;
    const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : '';
    return fail(
      'schema',
      `the link holds an invalid scenario: ${first ? formatScenarioError(first) : 'unknown error'}${more}`,
      { errors: result.errors },
    );
  }
  return { value: result.value, error: null };
}

// Checked before any decoding: a version no chain reaches is refused without inflating anything.
function missingMigration(version: number, migrations: MigrationChain): number | null {
  for (let v = version; v < SCENARIO_VERSION; v++) if (!Object.hasOwn(migrations, v)) return v;
  return null;
}

type InflateResult = { kind: 'ok'; bytes: Uint8Array } | { kind: 'error'; result: LinkResult };

// Streams the input in small chunks so that each push can expand at most ~1 MB, and stops past the bound.
function inflateCapped(compressed: Uint8Array): InflateResult {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total <= MAX_INFLATED_BYTES) chunks.push(chunk);
    if (final) ended = true;
  });
  if (isZlibHeader(compressed)) return notOurs('is a zlib stream, not the raw deflate that Harn Scope Lab links hold');
  try {
    for (let at = 0; at < compressed.length && total <= MAX_INFLATED_BYTES; at += INFLATE_CHUNK_BYTES) {
      inflater.push(
        compressed.subarray(at, at + INFLATE_CHUNK_BYTES),
        at + INFLATE_CHUNK_BYTES >= compressed.length,
      );
    }
  } catch (error) {
    // fflate's error code 0 is "unexpected EOF": the stream stops before its final block. A link that was cut off
    // inflates to the start of a scenario's JSON; random or foreign data inflates to something else.
    if ((error as { code?: unknown }).code === 0) return endedEarly(inflatedHead(compressed));
    return {
      kind: 'error',
      result: fail(
        'not-deflate',
        `the link data is corrupted (${error instanceof Error ? error.message : 'not a deflate stream'})`,
      ),
    };
  }
  if (total > MAX_INFLATED_BYTES) {
    return {
      kind: 'error',
      result: fail(
        'bomb',
        `the link data inflates to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB, the limit for a scenario (a decompression bomb?)`,
        { limit: MAX_INFLATED_BYTES },
      ),
    };
  }
  if (!ended) return truncated();
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { kind: 'ok', bytes };
}

function truncated(): InflateResult {
  return {
    kind: 'error',
    result: fail(
      'not-deflate',
      'the link data ends early: it was probably cut off when copied (copy the whole link)',
      { truncated: true },
    ),
  };
}

// Every scenario's JSON starts with its version field (minimizeScenario keeps it first).
const SCENARIO_JSON_START = '{"version"';

// The first bytes a stream that ends early inflates to: pushed as non-final, fflate emits what it has decoded
// instead of failing at the end (a final push fails before emitting the last block's data).
function inflatedHead(compressed: Uint8Array): string {
  let head = '';
  const inflater = new Inflate((chunk) => {
    if (head.length < SCENARIO_JSON_START.length) head += new TextDecoder().decode(chunk.subarray(0, SCENARIO_JSON_START.length));
  });
  try {
    for (let at = 0; at < compressed.length && head.length < SCENARIO_JSON_START.length; at += INFLATE_CHUNK_BYTES) {
      inflater.push(compressed.subarray(at, at + INFLATE_CHUNK_BYTES), false);
    }
  } catch {
    // Whatever was emitted before the error is the head.
  }
  return head.slice(0, SCENARIO_JSON_START.length);
}

function endedEarly(head: string): InflateResult {
  if (head === '') {
    return {
      kind: 'error',
      result: fail(
        'not-deflate',
        'the link data ends before anything in it could be read: it was cut off when copied, or it is not a Harn Scope Lab link',
        { truncated: true },
      ),
    };
  }
  if (SCENARIO_JSON_START.startsWith(head) || head.startsWith(SCENARIO_JSON_START)) return truncated();
  return notOurs('decompresses to data that is not a scenario');
}

function notOurs(what: string): InflateResult {
  return { kind: 'error', result: fail('not-deflate', `the link data ${what}: it was not made by Harn Scope Lab`) };
}

// RFC 1950: CMF 0x78 (deflate, 32K window) and a header check making CMF·256 + FLG a multiple of 31.
function isZlibHeader(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x78 && ((bytes[0] << 8) | bytes[1]!) % 31 === 0;
}

function fail(kind: LinkErrorKind, message: string, details?: LinkError['details']): LinkResult {
  return { value: null, error: details ? { kind, message, details } : { kind, message } };
}

const count = (n: number): string => n.toLocaleString('en-US');
