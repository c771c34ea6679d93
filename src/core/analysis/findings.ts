// What a CI gate reports for one program of a scenario: its error and warning diagnostics (violations one per call
// site, lints, dropped effects, failed expectations), with the unseen effects the parent does not cover (errors when
// `strict`). One list, read by every output format of `harn-scope check`. Pure: depends on ./analyze.ts.
import { createDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { unseenMessage, type ProgramReport } from './analyze.ts';

/** Options of a gate run. */
export interface FindingOptions {
  /** An unseen effect the parent does not cover is an error (else a warning). */
  strict: boolean;
}

/** The findings of one program: diagnostics of severity error or warning, in source order. */
export function programFindings(report: ProgramReport, options: FindingOptions): Diagnostic[] {
  // L406 markers are rebuilt from the unseen list, which knows whether the parent covers each one.
  const out = report.diagnostics.filter((d) => d.severity !== 'info' && d.code !== 'L406');
  report.unseen.forEach((item, i) => {
    const covered = report.unseenCovered[i] ?? null;
    if (covered === true) return;
    const finding = createDiagnostic('L406', unseenMessage(item), item.span, [covered === null ? 'no parent grant to check it against' : "not covered by the parent's grant"]);
    if (options.strict) finding.severity = 'error';
    out.push(finding);
  });
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** True when any finding fails the gate (an error). */
export function hasFailingFinding(findings: readonly Diagnostic[]): boolean {
  return findings.some((d) => d.severity === 'error');
}
