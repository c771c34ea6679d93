// The drift guard's sentences for people: what was scanned, each list with its count, the verdict, and the
// Catalog view's one-line count. One place for the CLI and the page. Pure; depends on ./guard.ts, ./scan.ts.
import type { DriftReport } from './guard.ts';
import type { DriftScan } from './scan.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `scanned 29 .rs files (1 skipped)`. */
export function driftScannedLine(scan: Pick<DriftScan, 'scannedFiles' | 'skipped'>): string {
  return `scanned ${plural(scan.scannedFiles, '.rs file')} (${scan.skipped.length} skipped)`;
}

/** `stale (27)`: a list's label with its count. */
export function driftCountLabel(label: string, names: readonly string[]): string {
  return `${label} (${names.length})`;
}

/** `missing (1): ACTIVE_BILLING_TENANT_STACK` / `stale (0): none`. */
export function driftListLine(label: string, names: readonly string[]): string {
  return `${driftCountLabel(label, names)}: ${names.length === 0 ? 'none' : names.join(', ')}`;
}

/** The verdict: clean, or how many checks failed. */
export function driftVerdict(report: Pick<DriftReport, 'clean' | 'problems'>): string {
  return report.clean
    ? 'clean: every ambient-shape thread-local is classified'
    : `${plural(report.problems.length, 'drift problem')}`;
}

/** Every line the CLI prints for a scan and its report, in order. */
export function driftReportLines(scan: Pick<DriftScan, 'scannedFiles' | 'skipped'>, report: DriftReport): string[] {
  return [
    driftScannedLine(scan),
    driftListLine('discovered', report.discovered),
    driftListLine('missing', report.missing),
    driftListLine('stale', report.stale),
    ...report.problems.map((p) => `drift (${p.check}): ${p.message}`),
    driftVerdict(report),
  ];
}

/** The Catalog view's count: `29 slots: 13 Captured, 15 Uncaptured, 1 not classified`. */
export function catalogCountLine(rows: readonly { scoping: 'captured' | 'uncaptured' | null }[]): string {
  const captured = rows.filter((r) => r.scoping === 'captured').length;
  const uncaptured = rows.filter((r) => r.scoping === 'uncaptured').length;
  const open = rows.length - captured - uncaptured;
  return `${plural(rows.length, 'slot')}: ${captured} Captured, ${uncaptured} Uncaptured${open > 0 ? `, ${open} not classified` : ''}`;
}

/** Why an entry of a scanned directory was not read (the CLI walks a real tree; the page gets dropped files). */
export type DriftUnreadReason =
  | { kind: 'fifo' | 'socket' | 'device' | 'dangling' | 'loop' | 'unreadable' | 'not-utf8' }
  | { kind: 'outside'; target: string }
  | { kind: 'seen'; as: string }
  | { kind: 'too-big'; bytes: number; limit: number }
  | { kind: 'error'; code: string };

const bytes = (n: number) => `${n.toLocaleString('en-US')} bytes`;

/** Why an entry was not read, as a phrase (`a FIFO (named pipe), not a regular file`). */
export function driftUnreadWhy(reason: DriftUnreadReason): string {
  switch (reason.kind) {
    case 'fifo':
      return 'a FIFO (named pipe), not a regular file';
    case 'socket':
      return 'a socket, not a regular file';
    case 'device':
      return 'a device, not a regular file';
    case 'dangling':
      return 'a symlink whose target does not exist';
    case 'loop':
      return 'a symlink loop';
    case 'outside':
      return `a symlink leading outside the directory (to ${reason.target}), not followed`;
    case 'seen':
      return `the same file or directory as ${reason.as}, already scanned (not read twice)`;
    case 'too-big':
      return `${bytes(reason.bytes)}, over the ${bytes(reason.limit)} limit per file`;
    case 'not-utf8':
      return 'not UTF-8 text';
    case 'unreadable':
      return 'permission denied';
    case 'error':
      return `unreadable (${reason.code})`;
  }
}

/** `not read: pipe.rs: a FIFO (named pipe), not a regular file`: one line per entry the walk left out. */
export function driftUnreadLine(path: string, reason: DriftUnreadReason): string {
  return `not read: ${path}: ${driftUnreadWhy(reason)}`;
}

/** True when a left-out entry is a `.rs` source the scan should have read, so a clean verdict would be unearned. */
export function driftUnreadMissesSource(path: string, reason: DriftUnreadReason): boolean {
  return path.endsWith('.rs') && (reason.kind === 'too-big' || reason.kind === 'not-utf8' || reason.kind === 'unreadable' || reason.kind === 'error');
}

/** The verdict when some sources could not be read: the scan says nothing about them. */
export function driftIncompleteVerdict(unread: number): string {
  return `unknown: ${plural(unread, '.rs file')} could not be read, so the scan is incomplete`;
}
