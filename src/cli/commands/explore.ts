// `explore SCENARIO… [--mode M] [--threads N] [--max-schedules N] [--no-prune] [--json]`: runs the explorer over
// every interleaving (and with several threads every thread choice) of each scenario (file, share link or `#s=`
// fragment). `--json` prints one object per input with the DESIGN §7 keys (with several threads: `threads`, the
// first failure's `migrations`, each cross-wire's `thread` and `cause`); otherwise a summary and the first
// failing schedules by await site. Failing schedules are results, not errors: exit 0.
import { crosswireWhere, escapeText as t, explore, type ExecMode, type ExploreResult } from '../../core/index.ts';
import { CliError, parseArgs, parseThreads, type CommandContext } from '../io.ts';
import { readScenarioInput } from '../scenario-input.ts';

const MODES: readonly ExecMode[] = ['scoped', 'unscoped', 'naive'];
const USAGE =
  'usage: explore SCENARIO... [--mode scoped|unscoped|naive] [--threads N] [--max-schedules N] [--no-prune] [--json]';
/** Failing schedules the human output lists. */
const SHOWN_FAILURES = 5;

/** The `--json` object of one exploration, keys exactly as DESIGN §7 lists them; with several threads also
 * `threads`, and in `first_failing` its `migrations` and each cross-wire's `thread` and `cause`. */
export function explorationJson(result: ExploreResult): Record<string, unknown> {
  const first = result.first_failing;
  const multi = result.threads !== undefined;
  return {
    schedules: result.schedules,
    complete: result.complete,
    failing: result.failing,
    first_failing: first
      ? {
          picks: first.picks,
          crosswires: first.crosswires.map(({ step, task, slot, expected, observed, thread, cause }) =>
            multi ? { step, task, slot, expected, observed, thread, cause } : { step, task, slot, expected, observed },
          ),
          ...(multi ? { migrations: first.migrations } : {}),
        }
      : null,
    ...(multi ? { threads: result.threads } : {}),
  };
}

function human(input: string, result: ExploreResult): string {
  // Every user string escaped for text (escapeText, aliased t): none can start a line.
  const lines = [`${t(input)}: ${result.mode} mode${result.pruned ? '' : ', unpruned'}. ${t(result.message)}`];
  result.failures.slice(0, SHOWN_FAILURES).forEach((failure, i) => {
    // Its counts in core's words, the line the Explorer panel shows for it.
    lines.push(`  #${i + 1} (${failure.summary}): ${t(failure.description)}`);
    for (const c of failure.crosswires.slice(0, 3))
      lines.push(`      cross-wire at step ${c.at}${crosswireWhere(c)}: ${t(c.consequence)}`);
    if (failure.leaks.length > 0)
      lines.push(`      leaked on the outer thread${result.threads ? 's' : ''}: ${t(failure.leaks.join(', '))}`);
    lines.push(`      replay: picks ${t(failure.picks.join(','))}`);
  });
  if (result.failures.length > SHOWN_FAILURES) lines.push(`  … and more (use --json or the Explorer panel)`);
  for (const d of result.diagnostics) lines.push(`  ${d.diagnostic.severity} ${d.diagnostic.code} (${t(d.task)}): ${t(d.diagnostic.message)}`);
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
  const parsed = parseArgs(args, ['mode', 'threads', 'max-schedules'], ['json', 'no-prune']);
  const modeArg = parsed.options.get('mode');
  if (modeArg !== undefined && !(MODES as readonly string[]).includes(modeArg)) {
    throw new CliError(`--mode must be one of ${MODES.join(', ')}, not "${modeArg}"`);
  }
  const maxSchedules = parseMaxSchedules(parsed.options.get('max-schedules'));
  const threads = parseThreads(parsed.options.get('threads'));
  if (parsed.positionals.length === 0) throw new CliError(`expected a scenario (${USAGE})`);
  // Read every input first, so a bad one fails before any output.
  const scenarios = parsed.positionals.map((input) => ({ input, scenario: readScenarioInput(input, ctx) }));
  for (const { input, scenario } of scenarios) {
    const result = explore(scenario, {
      prune: !parsed.flags.has('no-prune'),
      ...(modeArg ? { mode: modeArg as ExecMode } : {}),
      ...(threads !== undefined ? { threads } : {}),
      ...(maxSchedules !== undefined ? { maxSchedules } : {}),
    });
    ctx.stdout(parsed.flags.has('json') ? JSON.stringify(explorationJson(result)) + '\n' : human(input, result));
  }
  return 0;
}
