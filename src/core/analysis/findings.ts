// What a CI gate reports for one program of a scenario: its error and warning diagnostics (violations one per call
// site, lints, dropped effects, failed expectations), with the unseen effects the parent does not cover (errors when
// `strict`). One list, read by every output format of `harn-scope check`. Pure: depends on ./analyze.ts.
import { createDiagnostic, type Diagnostic, type Severity } from '../diagnostics.ts';
import { unseenMessage, type ProgramReport } from './analyze.ts';

/** Options of a gate run. */
export interface FindingOptions {
  /** An unseen effect the parent does not cover is an error (else a warning). */
  strict: boolean;
}

/** The findings of one program: every diagnostic the analysis reports (errors, warnings and infos: the gate reports
 * what `effects` reports; `--fail-on` decides which fail), in source order. */
export function programFindings(report: ProgramReport, options: FindingOptions): Diagnostic[] {
  // L406 markers are rebuilt from the unseen list, which knows whether the parent covers each one.
  const out = report.diagnostics.filter((d) => d.code !== 'L406');
  report.unseen.forEach((item, i) => {
    const covered = report.unseenCovered[i] ?? null;
    // Covered ones too, as the analysis reports them (a warning): only an uncovered one fails --strict.
    const note = covered === true ? "covered by the parent's grant" : covered === null ? 'no parent grant to check it against' : "not covered by the parent's grant";
    const finding = createDiagnostic('L406', unseenMessage(item), item.span, [note]);
    if (options.strict && covered !== true) finding.severity = 'error';
    out.push(finding);
  });
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** The severities in order, most severe first: `--fail-on S` fails on S and every severity before it. */
export const SEVERITIES = ['error', 'warning', 'info'] as const satisfies readonly Severity[];

/** True when a finding of `severity` fails a gate set to fail on `failOn` and above. */
export function failsGate(severity: Severity, failOn: Severity = 'error'): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn);
}

/** True when any finding fails the gate (an error, or down to `failOn`). */
export function hasFailingFinding(findings: readonly Diagnostic[], failOn: Severity = 'error'): boolean {
  return findings.some((d) => failsGate(d.severity, failOn));
}
