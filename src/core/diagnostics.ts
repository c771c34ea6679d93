// Spans, diagnostics and the one catalog of diagnostic codes for everything core reports.
// Pure data: depends on nothing.

/** A half-open range of UTF-16 offsets into one source. Offset 0 is valid. */
export interface Span {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** One diagnostic. `code` comes from {@link DIAGNOSTIC_CODES}. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  span: Span;
  notes?: string[];
}

/**
 * The catalog: every code core may emit, with its default severity and a one-line summary.
 * H1xx lexer, H2xx parser, H3xx structural limits, HARN-CAP-3xx capability analysis, L4xx policy lints,
 * S5xx scenario/scheduler, P6xx policy comparison against a baseline.
 */
export const DIAGNOSTIC_CODES = {
  H101: { severity: 'error', summary: 'Unexpected character' },
  H102: { severity: 'error', summary: 'Unterminated string' },
  H103: { severity: 'error', summary: 'Unterminated block comment' },
  H104: { severity: 'error', summary: 'Empty or unterminated interpolation' },
  H105: { severity: 'error', summary: 'Malformed token' },
  H106: { severity: 'warning', summary: 'Invisible or bidirectional control character' },
  H201: { severity: 'error', summary: 'Expected a token' },
  H202: { severity: 'error', summary: 'Expected an expression' },
  H203: { severity: 'error', summary: 'Missing separator between statements' },
  H204: { severity: 'error', summary: 'Invalid declaration' },
  H205: { severity: 'error', summary: 'Invalid parameter list' },
  H206: { severity: 'error', summary: 'Invalid assignment target' },
  H207: { severity: 'error', summary: 'Invalid attribute' },
  H208: { severity: 'error', summary: 'Invalid pattern' },
  H209: { severity: 'error', summary: 'Unsupported syntax' },
  H210: { severity: 'warning', summary: 'Stray "}" at the top level (harn skips it)' },
  H301: { severity: 'error', summary: 'Nesting too deep' },
  H302: { severity: 'info', summary: 'Too many diagnostics' },
  'HARN-CAP-301': { severity: 'error', summary: 'Child effect escapes the parent grant' },
  L401: { severity: 'warning', summary: 'Unknown side_effect_level' },
  L402: { severity: 'warning', summary: 'Unknown capability or operation in ceiling' },
  L403: { severity: 'warning', summary: 'Empty ceiling constrains nothing' },
  L404: { severity: 'info', summary: 'Parent grant record used by no child' },
  L405: { severity: 'warning', summary: 'Effect dropped by the ceiling' },
  L409: { severity: 'warning', summary: 'Ceiling op that no computed effect maps to' },
  L410: { severity: 'info', summary: 'tools is not used by the effect clamp' },
  L411: { severity: 'info', summary: 'Hostcall not named process.* ranks read_only' },
  L412: { severity: 'info', summary: "Grant's llm provider/model constrains nothing" },
  L413: { severity: 'warning', summary: "A resource that is a variable's name (harn takes the argument's text)" },
  L408: { severity: 'error', summary: 'An @expect line does not hold' },
  L407: { severity: 'warning', summary: 'Policy field ignored (unknown field or duplicate key)' },
  L406: { severity: 'warning', summary: "Effect not in the handoff: harn's analysis does not look here" },
  S550: { severity: 'warning', summary: 'Program does not parse; simulated without its body' },
  S551: { severity: 'warning', summary: 'Parent grant unknown; no refusal at spawn' },
  S552: { severity: 'error', summary: 'Task program cut at the scheduler op limit; the run is incomplete' },
  S553: { severity: 'error', summary: 'Parent grant invalid; no child is spawned' },
  S554: { severity: 'error', summary: 'Cross-wire: a task read another task\'s ambient value' },
  S555: { severity: 'error', summary: 'Leak: the outer thread is not restored after the run' },
  S556: { severity: 'error', summary: 'Child refused at spawn' },
  S557: { severity: 'warning', summary: 'No child to check' },
  S558: { severity: 'error', summary: "The scenario's goal is not met" },
  S559: { severity: 'error', summary: "Own function called past the compiler's call depth; the run is incomplete" },
  P601: { severity: 'error', summary: 'A policy allows an effect its baseline did not (new access)' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Builds a diagnostic with the catalog's default severity. */
export function createDiagnostic(code: DiagnosticCode, message: string, span: Span, notes?: string[]): Diagnostic {
  const diagnostic: Diagnostic = { code, severity: DIAGNOSTIC_CODES[code].severity, message, span };
  if (notes && notes.length > 0) diagnostic.notes = notes;
  return diagnostic;
}

/** Smallest span covering both. */
export function spanCover(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** Maps UTF-16 offsets to 1-based line/column (column in UTF-16 units) and back. Used only at the edges. */
export interface LineIndex {
  lineStarts: number[];
  position(offset: number): { line: number; column: number };
  offset(line: number, column: number): number;
}

export function createLineIndex(source: string): LineIndex {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return {
    lineStarts,
    position(offset) {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
    },
    offset(line, column) {
      const start = lineStarts[Math.max(0, Math.min(line - 1, lineStarts.length - 1))]!;
      return Math.min(source.length, start + column - 1);
    },
  };
}
