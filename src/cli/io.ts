// Shared CLI plumbing: output sinks, argument parsing, file reading with clear errors.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic, LineIndex } from '../core/index.ts';

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

/** Reads a UTF-8 file or throws a CliError naming it. */
export function readText(path: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? 'unreadable');
    throw new CliError(`cannot read ${path}: ${why}`);
  }
}

/** Parses JSON or throws a CliError naming the file and the position. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${what} is not valid JSON: ${(error as Error).message}`);
  }
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

/** `file:line:col: severity CODE: message` — the human form of a diagnostic. */
export function formatDiagnostic(file: string, diagnostic: Diagnostic, lines: LineIndex): string {
  const { line, column } = lines.position(diagnostic.span.start);
  return `${file}:${line}:${column}: ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`;
}
