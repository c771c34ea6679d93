// Shared CLI plumbing: output sinks, argument parsing, file reading with clear errors.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { escapeText, parseJsonStrict, parseJsonText, SCENARIO_LIMITS, type Diagnostic, type LineIndex } from '../core/index.ts';

/** Where a command writes; tests pass in collectors. */
export interface CommandContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/** Bad input or usage: main prints `harn-scope <cmd>: <message>` on one line and exits 2. */
export class CliError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

/**
 * Splits argv into positionals, boolean flags and `--name value` options.
 * `valued` names the options that take a value; anything else starting with `--` must be in `boolean`.
 * A valued option never takes the next flag as its value (`--ceiling --json` is an error, not a file "--json").
 */
export function parseArgs(args: string[], valued: string[], boolean: string[]): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (valued.includes(name)) {
        const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
        if (value === undefined) throw new CliError(`option --${name} needs a value`);
        if (eq < 0 && value.startsWith('--') && value.length > 2)
          throw new CliError(`option --${name} needs a value, but the next argument is the option ${value} (write --${name}=${value} if that is the value)`);
        out.options.set(name, value);
      } else if (boolean.includes(name) && eq < 0) {
        out.flags.add(name);
      } else {
        throw new CliError(`unknown option --${name}`);
      }
    } else {
      out.positionals.push(arg);
    }
  }
  return out;
}

/** `--threads N` of simulate and explore: a whole number from 1 to the scenario limit, or undefined when not given. */
export function parseThreads(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > SCENARIO_LIMITS.MAX_THREADS)
    throw new CliError(`--threads must be a whole number from 1 to ${SCENARIO_LIMITS.MAX_THREADS}, not "${value}"`);
  return Number(value);
}

/** The largest input file the CLI reads: eight children of 200,000 characters each, as JSON, fit several times;
 * `/dev/zero` or a huge file is refused at this bound instead of exhausting memory. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** How long a read may wait for data (a FIFO with no writer): then it fails instead of hanging. */
export const READ_TIMEOUT_MS = 5000;

const count = (n: number) => n.toLocaleString('en-US');

// A synchronous pause while a non-blocking read has nothing yet (the CLI reads its inputs synchronously).
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The byte offset of the first byte that is not part of well-formed UTF-8, or -1 when all of it is. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

function readBytes(fd: number, path: string): Buffer {
  const stat = fstatSync(fd);
  if (stat.isDirectory()) throw new CliError(`cannot read ${path}: is a directory`);
  if (stat.isFile() && stat.size > MAX_INPUT_BYTES)
    throw new CliError(`cannot read ${path}: it is ${count(stat.size)} bytes, over the ${count(MAX_INPUT_BYTES)}-byte input limit`);
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(64 * 1024);
  let total = 0;
  const deadline = Date.now() + READ_TIMEOUT_MS;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      n = -1;
    }
    // A FIFO that has no writer yet reads as empty (or EAGAIN): wait for data until the deadline.
    const waiting = n < 0 || (n === 0 && total === 0 && stat.isFIFO());
    if (waiting) {
      if (Date.now() > deadline) throw new CliError(`cannot read ${path}: no data arrived within ${READ_TIMEOUT_MS / 1000} s (a pipe with no writer?)`);
      pause(10);
      continue;
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw new CliError(`cannot read ${path}: it is over the ${count(MAX_INPUT_BYTES)}-byte input limit`);
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads a UTF-8 file or throws a CliError naming it: at most MAX_INPUT_BYTES, waiting at most READ_TIMEOUT_MS for
 * data; a leading byte-order mark is dropped (editors on Windows write one); bytes that are not UTF-8 are an error
 * naming their offset, never silently replaced.
 */
export function readText(path: string, cwd: string): string {
  let fd: number;
  try {
    fd = openSync(resolve(cwd, path), constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    throw new CliError(`cannot read ${path}: ${why}`);
  }
  let bytes: Buffer;
  try {
    bytes = readBytes(fd, path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  } finally {
    closeSync(fd);
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const bad = firstInvalidUtf8(bytes.subarray(bom));
  if (bad >= 0) throw new CliError(`${path} is not UTF-8 text: byte ${count(bad + bom)} (0x${bytes[bad + bom]!.toString(16).padStart(2, '0')}) does not start a valid UTF-8 character`);
  return bytes.subarray(bom).toString('utf8');
}

/**
 * Why a file's text is not valid JSON or a policy, as the line and column only: never an excerpt (JSON.parse says
 * `Unexpected token 'A', "AWS_SECRET"...`, a file named by mistake may hold a secret and CI logs are public).
 * `message` is a syntax error from core (`not valid JSON: … at line 2 column 5 (found …)`), or absent for JSON text.
 */
export function syntaxErrorWithoutContent(text: string, message?: string): string {
  const said = message ?? parseJsonText(text.replace(/^\uFEFF/, '')).errors[0]?.message ?? 'not valid JSON';
  const kind = /^not a valid Harn dict literal/.test(said) ? 'not valid JSON or a Harn dict literal' : 'not valid JSON';
  const at = /at line (\d+) column (\d+)/.exec(said);
  return at ? `${kind} (at line ${at[1]}, column ${at[2]})` : kind;
}

/** Parses JSON or throws a CliError naming the file and the position (never quoting the file). */
export function parseJson(text: string, what: string): unknown {
  const parsed = parseJsonStrict(text);
  if (parsed.error === null) return parsed.value;
  // A key written twice names its key path; any other problem is said by line and column only.
  if (parsed.error.path !== '') throw new CliError(`${what}: ${escapeText(parsed.error.message)}`);
  throw new CliError(`${what} is ${syntaxErrorWithoutContent(text)}`);
}

/** The CLI's JSON shape of a diagnostic (DESIGN §7): 1-based lines and columns, computed only here at the edge. */
export interface DiagnosticJson {
  code: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function diagnosticToJson(diagnostic: Diagnostic, lines: LineIndex): DiagnosticJson {
  const start = lines.position(diagnostic.span.start);
  const end = lines.position(diagnostic.span.end);
  return {
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: diagnostic.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
}

/** `file:line:col: severity CODE: message` — the human form of a diagnostic, user strings escaped for text (a
 * U+202E in a resource would otherwise reverse the rest of the terminal line, a newline start a log command). */
export function formatDiagnostic(file: string, diagnostic: Diagnostic, lines: LineIndex): string {
  const { line, column } = lines.position(diagnostic.span.start);
  return `${escapeText(file)}:${line}:${column}: ${diagnostic.severity} ${diagnostic.code}: ${escapeText(diagnostic.message)}`;
}
