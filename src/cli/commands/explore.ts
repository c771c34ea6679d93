// `explore SCENARIO… [--mode M] [--max-schedules N] [--no-prune] [--json]`: runs the explorer over every
// interleaving of each scenario (file, share link or `#s=` fragment). `--json` prints one object per input
// with the DESIGN §7 keys; otherwise a summary and the first failing schedules by await site. Failing
// schedules are results, not errors: exit 0.
import { explore, type ExecMode, type ExploreResult } from '../../core/index.ts';
import { CliError, parseArgs, type CommandContext } from '../io.ts';
import { readScenarioInput } from '../scenario-input.ts';

const MODES: readonly ExecMode[] = ['scoped', 'unscoped', 'naive'];
const USAGE = 'usage: explore SCENARIO... [--mode scoped|unscoped|naive] [--max-schedules N] [--no-prune] [--json]';
/** Failing schedules the human output lists. */
const SHOWN_FAILURES = 5;

/** The `--json` object of one exploration, keys exactly as DESIGN §7 lists them. */
export function explorationJson(result: ExploreResult): Record<string, unknown> {
  const first = result.first_failing;
  return {
    schedules: result.schedules,
    complete: result.complete,
    failing: result.failing,
    first_failing: first
      ? { picks: first.picks, crosswires: first.crosswires.map(({ step, task, slot, expected, observed }) => ({ step, task, slot, expected, observed })) }
      : null,
  };
}

function human(input: string, result: ExploreResult): string {
  const lines = [`${input}: ${result.mode} mode${result.pruned ? '' : ', unpruned'}. ${result.message}`];
  result.failures.slice(0, SHOWN_FAILURES).forEach((failure, i) => {
    const preemptions = `${failure.preemptions} preemption${failure.preemptions === 1 ? '' : 's'}`;
    lines.push(`  #${i + 1} (${preemptions}): ${failure.description}`);
    for (const c of failure.crosswires.slice(0, 3)) lines.push(`      cross-wire at step ${c.step}: ${c.consequence}`);
    if (failure.leaks.length > 0) lines.push(`      leaked on the outer thread: ${failure.leaks.join(', ')}`);
    lines.push(`      replay: picks ${failure.picks.join(',')}`);
  });
  if (result.failures.length > SHOWN_FAILURES) lines.push(`  … and more (use --json or the Explorer panel)`);
  for (const d of result.diagnostics) lines.push(`  ${d.diagnostic.severity} ${d.diagnostic.code} (${d.task}): ${d.diagnostic.message}`);
  return lines.join('\n') + '\n';
}

function parseMaxSchedules(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new CliError(`--max-schedules must be a whole number of at least 1, not "${value}"`);
  }
  return Number(value);
}

export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const parsed = parseArgs(args, ['mode', 'max-schedules'], ['json', 'no-prune']);
  const modeArg = parsed.options.get('mode');
  if (modeArg !== undefined && !(MODES as readonly string[]).includes(modeArg)) {
    throw new CliError(`--mode must be one of ${MODES.join(', ')}, not "${modeArg}"`);
  }
  const maxSchedules = parseMaxSchedules(parsed.options.get('max-schedules'));
  if (parsed.positionals.length === 0) throw new CliError(`expected a scenario (${USAGE})`);
  // Read every input first, so a bad one fails before any output.
  const scenarios = parsed.positionals.map((input) => ({ input, scenario: readScenarioInput(input, ctx) }));
  for (const { input, scenario } of scenarios) {
    const result = explore(scenario, {
      prune: !parsed.flags.has('no-prune'),
      ...(modeArg ? { mode: modeArg as ExecMode } : {}),
      ...(maxSchedules !== undefined ? { maxSchedules } : {}),
    });
    ctx.stdout(parsed.flags.has('json') ? JSON.stringify(explorationJson(result)) + '\n' : human(input, result));
  }
  return 0;
}
