// `simulate SCENARIO… [--mode M] [--threads N] [--json] [--trace] [--quiz] [--format text|json|markdown] [--base-url URL]`:
// runs each scenario (file, share link or `#s=` fragment) on the simulated scheduler, `--threads` overriding its
// `run.threads`. `--json` prints one object per input (DESIGN §7 keys; with several threads each cross-wire's
// thread and cause, and the migrations); `--format markdown` the report the stepper's "Copy as Markdown" gives at
// the scenario's step (core's scenarioMarkdown; `--base-url` puts the page's address before the link); `--quiz`
// Predict mode's questions (core's scenarioQuiz) with their choices, answers and the sentence each reveals; otherwise
// a summary with each cross-wire's consequence, and with `--trace` the printed trace. Cross-wires are results: exit 0.
import {
  crosswireWhere,
  escapeText as t,
  eventSteps,
  stepNumber,
  printTrace,
  quizLines,
  reportBaseUrl,
  scenarioQuiz,
  scenarioMarkdown,
  scenarioWithThreads,
  simulate,
  type ExecMode,
  type Quiz,
  type ScenarioSimulation,
} from '../../core/index.ts';
import { CliError, parseArgs, parseThreads, type CommandContext } from '../io.ts';
import { readScenarioInput } from '../scenario-input.ts';

const MODES: readonly ExecMode[] = ['scoped', 'unscoped', 'naive'];
const FORMATS = ['text', 'json', 'markdown'] as const;
const USAGE =
  'usage: simulate SCENARIO... [--mode scoped|unscoped|naive] [--threads N] [--json] [--trace] [--quiz] [--format text|json|markdown] [--base-url URL]';

/** The `--quiz --json` object: Predict mode's questions, each at its trace step (`step`) and its event step
 * (`step_label`), with the index of the answer in `choices`. */
export function quizJson(quiz: Quiz): Record<string, unknown> {
  return {
    about: quiz.about,
    questions: quiz.questions.map((q) => ({ step: q.step, step_label: q.stepLabel, task: q.task, slot: q.slot, prompt: q.prompt, choices: q.choices, answer: q.answer })),
  };
}

/** The `--json` object of one simulation, keys exactly as DESIGN §7 lists them; with several threads each
 * cross-wire also has `thread` (1-based) and `cause` (`sibling` or `migration`), and the object `threads` and
 * `migrations`. */
export function simulationJson(result: ScenarioSimulation): Record<string, unknown> {
  const { summary } = result;
  const multi = summary.threads !== undefined;
  return {
    steps: summary.steps,
    completed: summary.completed,
    crosswires: summary.crosswires.map(({ step, task, slot, expected, observed, thread, cause }) =>
      multi ? { step, task, slot, expected, observed, thread, cause } : { step, task, slot, expected, observed },
    ),
    leaks: summary.leaks,
    panics: summary.panics,
    refused: summary.refused,
    ...(multi ? { threads: summary.threads, migrations: summary.migrations } : {}),
  };
}

function human(input: string, result: ScenarioSimulation): string {
  const { summary } = result;
  // Every user string escaped for text (escapeText, aliased t): none can start a line.
  const lines = [`${t(input)}: ${result.mode} mode. ${t(summary.message)}`];
  // Numbered as the stepper numbers them (the event step; `--json` keeps the trace index).
  const events = eventSteps(result.steps);
  // The stepper's sentences: each cross-wired read as narrated, then what it expected and observed.
  for (const c of summary.crosswires)
    lines.push(
      `  step ${stepNumber(events, c.step)}: ${t(result.steps[c.step]?.narration ?? c.consequence)} (${t(c.slot)}${crosswireWhere(c)}: expected ${t(c.expected)}, observed ${t(c.observed)})`,
    );
  for (const v of summary.violations)
    lines.push(`  step ${stepNumber(events, v.step)}: ${t(result.steps[v.step]?.narration ?? `${v.task}'s ${v.call} escapes the parent's grant`)}`);
  if (summary.leaks.length > 0)
    lines.push(`  leaked on the outer thread${summary.threads ? 's' : ''}: ${t(summary.leaks.join(', '))}`);
  if (summary.panics.length > 0) lines.push(`  panicked: ${t(summary.panics.join(', '))}`);
  for (const step of result.steps)
    if (step.kind === 'refuse')
      lines.push(`  refused at spawn (HARN-CAP-301): ${t(`${step.child}: ${step.violations.length > 0 ? step.violations.join(', ') : step.narration}`)}`);
  for (const pick of summary.ignoredPicks)
    lines.push(
      `  note: pick #${pick.at + 1} "${t(pick.pick)}" named no ready task (ready: ${t(pick.ready.join(', '))}); FIFO was used`,
    );
  for (const d of result.diagnostics)
    lines.push(`  ${d.diagnostic.severity} ${d.diagnostic.code} (${t(d.task)}): ${t(d.diagnostic.message)}`);
  return lines.join('\n') + '\n';
}

export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const parsed = parseArgs(args, ['mode', 'threads', 'format', 'base-url'], ['json', 'trace', 'quiz']);
  const formatArg = parsed.options.get('format') ?? (parsed.flags.has('json') ? 'json' : 'text');
  if (!(FORMATS as readonly string[]).includes(formatArg)) {
    throw new CliError(`--format must be one of ${FORMATS.join(', ')}, not "${formatArg}"`);
  }
  if (parsed.flags.has('json') && formatArg !== 'json') throw new CliError(`--json and --format ${formatArg} disagree`);
  const quiz = parsed.flags.has('quiz');
  if (quiz && formatArg === 'markdown') throw new CliError('--quiz prints text or JSON, not --format markdown');
  const baseUrl = parsed.options.get('base-url');
  // The report's link is the page's origin and path: an http(s) address with nothing after the path.
  if (baseUrl !== undefined && (reportBaseUrl(baseUrl) === null || /[?#]/.test(baseUrl)))
    throw new CliError(`--base-url must be the page's http(s) address (origin and path, no query or fragment), not "${baseUrl}"`);
  const modeArg = parsed.options.get('mode');
  if (modeArg !== undefined && !(MODES as readonly string[]).includes(modeArg)) {
    throw new CliError(`--mode must be one of ${MODES.join(', ')}, not "${modeArg}"`);
  }
  const mode = modeArg as ExecMode | undefined;
  const threads = parseThreads(parsed.options.get('threads'));
  if (parsed.positionals.length === 0) throw new CliError(`expected a scenario (${USAGE})`);
  // Read every input first, so a bad one fails before any output.
  const scenarios = parsed.positionals.map((input) => ({ input, scenario: readScenarioInput(input, ctx) }));
  for (const { input, scenario } of scenarios) {
    // On the scenario itself, so a Markdown report's link carries them.
    const moded = mode ? { ...scenario, run: { ...scenario.run, mode } } : scenario;
    const run = scenarioWithThreads(moded, threads);
    const result = simulate(run);
    if (quiz) {
      const asked = scenarioQuiz(run, result);
      if (formatArg === 'json') ctx.stdout(JSON.stringify(quizJson(asked)) + '\n');
      else ctx.stdout([`${t(input)}: ${result.mode} mode.`, ...quizLines(asked, result.steps).map((line) => `  ${t(line)}`)].join('\n') + '\n');
    } else if (formatArg === 'markdown') {
      ctx.stdout(scenarioMarkdown(run, result, baseUrl === undefined ? {} : { baseUrl }));
    } else if (formatArg === 'json') {
      ctx.stdout(JSON.stringify(simulationJson(result)) + '\n');
    } else {
      ctx.stdout(human(input, result));
      if (parsed.flags.has('trace')) ctx.stdout(printTrace(result) + '\n');
    }
  }
  return 0;
}
