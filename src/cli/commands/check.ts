// `harn-scope check CONFIG… [--format text|json|sarif|github|junit] [--strict] [--isolation] [--max-schedules N]
// [--root DIR]`:
// a CI gate. Each CONFIG is a scenario file or share link (parent, grant and children with their ceilings inline)
// or a harn-scope.json naming program files. Runs the effects analysis for every child (with --isolation also the
// simulation and the explorer) and prints every finding. An input that cannot be read is reported on its own and
// the others still run. A harn-scope.json reads only inside its own directory (symlinks resolved) unless --root DIR
// widens it. Exit 2 if any input was bad, 1 on a finding at or above --fail-on (default error), 0 clean.
import { FORMATS, formatResults, type CheckFormat } from '../check/formats.ts';
import { readCheckInput, resolveCheckRoot } from '../check/inputs.ts';
import { checkInput, exitCodeOf } from '../check/results.ts';
import { CliError, parseArgs, type CommandContext } from '../io.ts';
import { SEVERITIES, type Severity } from '../../core/index.ts';

const USAGE = 'usage: check CONFIG... [--format text|json|sarif|github|junit] [--strict] [--isolation] [--max-schedules N] [--fail-on error|warning|info] [--root DIR]';
/** The explorer's bound under --isolation: a CI run must end; the lessons finish far below it. */
const DEFAULT_MAX_SCHEDULES = 20_000;

export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const parsed = parseArgs(args, ['format', 'max-schedules', 'fail-on', 'root'], ['strict', 'isolation']);
  if (parsed.positionals.length === 0) throw new CliError(`expected a CONFIG (${USAGE})`);
  const format = parsed.options.get('format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  const max = parsed.options.get('max-schedules');
  if (max !== undefined && !/^[1-9]\d*$/.test(max)) throw new CliError(`--max-schedules must be a whole number of at least 1, not "${max}"`);
  const failOn = parsed.options.get('fail-on') ?? 'error';
  if (!(SEVERITIES as readonly string[]).includes(failOn)) throw new CliError(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${failOn}"`);
  const options = {
    strict: parsed.flags.has('strict'),
    isolation: parsed.flags.has('isolation'),
    maxSchedules: max === undefined ? DEFAULT_MAX_SCHEDULES : Number(max),
    failOn: failOn as Severity,
  };
  // A config reads only inside its own directory; --root DIR widens that to a directory the caller names.
  const rootArg = parsed.options.get('root');
  const read = rootArg === undefined ? {} : { root: resolveCheckRoot(rootArg, ctx), rootShown: rootArg };
  const results = parsed.positionals.map((input) => checkInput(readCheckInput(input, ctx, read), options));
  ctx.stdout(formatResults(results, format as CheckFormat));
  return Math.max(0, ...results.map(exitCodeOf)) === 2 ? 2 : results.some((r) => exitCodeOf(r) === 1) ? 1 : 0;
}
