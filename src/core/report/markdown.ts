// The Markdown report of a run at one moment, ready to paste into a GitHub issue: the mode and run settings,
// the step's narration, the cross-wire at (or nearest after) that step with expected, observed and consequence,
// the scenario's sources and policies, and its share link. One function for the stepper's "Copy as Markdown"
// and the CLI's `simulate --format markdown`, so both print the same text. Every user string goes through
// ./escape.ts (code spans and fences it cannot close, escaped sentences). Pure: depends on ../scenario,
// ../scheduler types and ./escape.ts only.
import { encodeLink } from '../scenario/link.ts';
import { markdownBlock as codeBlock, markdownCode, markdownSentence, reportBaseUrl } from './escape.ts';
import type { Scenario } from '../scenario/types.ts';
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
}

/** The cross-wire a report at `step` is about: the one at that step, else the next one, else the last before. */
export function crosswireAt(crosswires: readonly CrosswireRecord[], step: number): CrosswireRecord | null {
  return (
    crosswires.find((c) => c.step === step) ??
    crosswires.find((c) => c.step > step) ??
    crosswires[crosswires.length - 1] ??
    null
  );
}

function settingsLines(scenario: Scenario, simulation: TracedRun): string[] {
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
      ? [`- **Threads:** ${simulation.summary.threads} (work stealing; ${countLabel('migrations', simulation.summary.migrations ?? 0)})`]
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
  return [
    `## Harn Scope Lab: ${simulation.mode} run, step ${number} of ${events.length}`,
    '',
    ...settingsLines(scenario, simulation),
    '',
    `### The moment (step ${number})`,
    '',
    `> ${markdownSentence(shown?.narration ?? 'The trace is empty.')}`,
    '',
    ...crosswireLines(crosswireAt(crosswires, step), step, crosswires.length, events),
    '',
    `**Summary:** ${markdownSentence(simulation.summary.message)}`,
    '',
    ...sourceLines(scenario),
    '',
    `[Open this run in Harn Scope Lab](${link})`,
    '',
  ].join('\n');
}
