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
