// The Markdown report of a run at one moment, ready to paste into a GitHub issue: the mode and run settings,
// the step's narration, the cross-wire at (or nearest after) that step with expected, observed and consequence,
// the scenario's sources and policies, and its share link. One function for the stepper's "Copy as Markdown"
// and the CLI's `simulate --format markdown`, so both print the same text. Every user string goes through
// ./escape.ts (code spans and fences it cannot close, escaped sentences). In Predict mode it leaves out what
// Predict mode hides on the page (the parts of `view.predictHides`, PREDICT_PARTS), so a student's export does not
// give the answer away. Pure: depends on ../scenario, ../scheduler types and ./escape.ts only.
import { encodeLink } from '../scenario/link.ts';
import { markdownBlock as codeBlock, markdownCode, markdownSentence, reportBaseUrl } from './escape.ts';
import type { PredictPart, Scenario } from '../scenario/types.ts';
import { countLabel, crosswireWhere } from '../scheduler/counts.ts';
import { eventSteps, stepNumber } from '../scheduler/moment.ts';
import type { TracedRun } from '../scheduler/run.ts';
import type { CrosswireRecord } from '../scheduler/trace.ts';

export interface MarkdownReportOptions {
  /** The step shown (the moment); clamped to the trace. Default: the scenario's `view.step`. */
  step?: number;
  /** The page address the link is appended to (`https://…/`): only an http(s) origin and path are kept (see
   * reportBaseUrl); without one the report holds the `#s=…` fragment. */
  baseUrl?: string;
  /** Predict mode on the page: the parts it hides now (none once every question is answered), and whether the step
   * shown is a question not yet answered. The report leaves out the same. */
  predict?: { hides: readonly PredictPart[]; asking: boolean };
}

/** What a report leaves out in Predict mode, each said where it would have been. */
export const PREDICT_REPORT_TEXT = {
  note: 'Predict mode: this report leaves out the answers Predict mode hides until every question is answered.',
  moment: 'Left out: Predict mode asks about this step.',
  crosswire: 'Left out in Predict mode: which read cross-wires, and what it causes.',
  summary: 'Left out in Predict mode: the counts.',
} as const;

/** The cross-wire a report at `step` is about: the one at that step, else the next one, else the last before. */
export function crosswireAt(crosswires: readonly CrosswireRecord[], step: number): CrosswireRecord | null {
  return (
    crosswires.find((c) => c.step === step) ??
    crosswires.find((c) => c.step > step) ??
    crosswires[crosswires.length - 1] ??
    null
  );
}

function settingsLines(scenario: Scenario, simulation: TracedRun, hideCounts: boolean): string[] {
  const { run } = scenario;
  const capture =
    simulation.mode === 'unscoped'
      ? 'none (unscoped: every task shares the raw thread-locals)'
      : run.captured === null
        ? "the catalog's default"
        : `custom: ${run.captured.length === 0 ? 'nothing' : run.captured.map(markdownCode).join(', ')}`;
  const schedule =
    run.schedule.kind === 'fifo'
      ? 'FIFO'
      : run.schedule.kind === 'random'
        ? `seeded random (seed ${run.schedule.seed})`
        : `picks ${run.schedule.picks.map(markdownCode).join(', ') || '(none)'}, then FIFO`;
  return [
    `- **Mode:** ${markdownCode(simulation.mode)}`,
    `- **Capture set:** ${capture}`,
    `- **Schedule:** ${schedule}`,
    `- **Enforce the grant at spawn:** ${run.enforceAtSpawn ? 'on' : 'off'}`,
    ...(simulation.summary.threads
      ? [`- **Threads:** ${simulation.summary.threads} (work stealing${hideCounts ? '' : `; ${countLabel('migrations', simulation.summary.migrations ?? 0)}`})`]
      : []),
  ];
}

function crosswireLines(record: CrosswireRecord | null, step: number, total: number, events: readonly number[]): string[] {
  if (record === null) return ['### Cross-wire', '', 'None: every read in this run saw its own task’s value.'];
  const where = record.step === step ? 'at this step' : `at step ${stepNumber(events, record.step)}`;
  return [
    `### Cross-wire ${where} (${total} in the run)`,
    '',
    `- **Task:** ${markdownSentence(`${record.task}${crosswireWhere(record)}`)}`,
    `- **Slot:** ${markdownCode(record.slot)}`,
    `- **Expected:** ${markdownCode(record.expected)}`,
    `- **Observed:** ${markdownCode(record.observed)}`,
    `- **Consequence:** ${markdownSentence(record.consequence)}`,
  ];
}

function sourceLines(scenario: Scenario): string[] {
  const lines = ['### Programs', '', `#### Parent: ${markdownSentence(scenario.parent.name)}`, '', codeBlock(scenario.parent.source, 'harn')];
  if (scenario.parent.grant !== null)
    lines.push('', 'Explicit grant:', '', codeBlock(JSON.stringify(scenario.parent.grant), 'json'));
  for (const child of scenario.children) {
    lines.push('', `#### Child: ${markdownSentence(child.name)}`, '', codeBlock(child.source, 'harn'));
    if (child.ceiling !== null) lines.push('', 'Ceiling:', '', codeBlock(JSON.stringify(child.ceiling), 'json'));
  }
  return lines;
}

/** The report of `simulation` (the run of `scenario`) at one step, as Markdown. The link reproduces the run at
 * that step (without the selected tab, so the same moment gives the same text wherever it is copied). */
export function scenarioMarkdown(scenario: Scenario, simulation: TracedRun, options: MarkdownReportOptions = {}): string {
  const last = Math.max(0, simulation.steps.length - 1);
  const step = Math.max(0, Math.min(last, Math.trunc(options.step ?? scenario.view.step)));
  const shown = simulation.steps[step];
  const base = options.baseUrl === undefined ? '' : (reportBaseUrl(options.baseUrl) ?? '');
  const link = `${base}${encodeLink({ ...scenario, view: { ...scenario.view, step, tab: null } })}`;
  const crosswires = simulation.summary.crosswires;
  // Numbered as the stepper numbers them: the event step ("24", or "24.3" on a fine step), of the events.
  const events = eventSteps(simulation.steps);
  const number = stepNumber(events, step);
  // Predict mode hides the answers as the page does: the moment's sentence while its question is open, every verdict
  // and consequence (the cross-wire section names the read and what it causes), and the counts.
  const hides = new Set(options.predict?.hides ?? []);
  const hidden = hides.size > 0;
  const momentHidden = hides.has('consequence') && options.predict?.asking === true;
  const crosswireHidden = hides.has('consequence') || hides.has('verdicts') || hides.has('marks');
  return [
    `## Harn Scope Lab: ${simulation.mode} run, step ${number} of ${events.length}`,
    '',
    ...(hidden ? [`_${PREDICT_REPORT_TEXT.note}_`, ''] : []),
    ...settingsLines(scenario, simulation, hides.has('counts')),
    '',
    `### The moment (step ${number})`,
    '',
    `> ${momentHidden ? PREDICT_REPORT_TEXT.moment : markdownSentence(shown?.narration ?? 'The trace is empty.')}`,
    '',
    ...(crosswireHidden ? ['### Cross-wire', '', PREDICT_REPORT_TEXT.crosswire] : crosswireLines(crosswireAt(crosswires, step), step, crosswires.length, events)),
    '',
    `**Summary:** ${hides.has('counts') ? PREDICT_REPORT_TEXT.summary : markdownSentence(simulation.summary.message)}`,
    '',
    ...sourceLines(scenario),
    '',
    `[Open this run in Harn Scope Lab](${link})`,
    '',
  ].join('\n');
}
