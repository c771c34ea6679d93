// `harn-scope check CONFIG… [--format text|json|sarif|github|junit] [--strict] [--isolation] [--max-schedules N]
// [--root DIR]`:
// a CI gate. Each CONFIG is a scenario file or share link (parent, grant and children with their ceilings inline),
// a text file of share links (one a line), or a harn-scope.json naming program files. A scenario's goal (a
// challenge or an exercise) is decided on its run, and a table says which inputs met theirs. Runs the effects analysis for every child (with --isolation also the
// simulation and the explorer) and prints every finding. An input that cannot be read is reported on its own and
// the others still run. A harn-scope.json reads only inside its own directory (symlinks resolved) unless --root DIR
// widens it. Exit 2 if any input was bad, 1 on a finding at or above --fail-on (default error), 0 clean.
import { FORMATS, formatResults, type CheckFormat } from '../check/formats.ts';
import { readCheckInput, readCheckInputs, resolveCheckRoot } from '../check/inputs.ts';
import { checkInput, exitCodeOf } from '../check/results.ts';
import { CliError, parseArgs, type CommandContext } from '../io.ts';
import { SEVERITIES, type Severity } from '../../core/index.ts';
import { baselineFindings } from '../check/baseline.ts';
import { coverageOf } from '../check/coverage.ts';
import type { CheckInput } from '../check/inputs.ts';
import type { InputResult } from '../check/results.ts';

// `--baseline REF` may be repeated (one per CONFIG), which the one-value option parser does not keep.
function takeBaselines(args: string[]): { baselines: string[]; rest: string[] } {
  const baselines: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--baseline' || arg.startsWith('--baseline=')) {
      const value = arg === '--baseline' ? args[++i] : arg.slice('--baseline='.length);
      if (value === undefined || value === '' || (value.startsWith('--') && arg === '--baseline')) throw new CliError('option --baseline needs a value (the config, scenario or link as it was)');
      baselines.push(value);
    } else rest.push(arg);
  }
  return { baselines, rest };
}

// A baseline that cannot be read is bad input (exit 2): the gate cannot say nothing new is allowed.
function withBaseline(result: InputResult, input: CheckInput, baseline: CheckInput): void {
  const bad = [...baseline.errors, ...baseline.children.flatMap((c) => (c.error === null ? [] : [c.error]))];
  if (bad.length > 0 || baseline.scenario === null) {
    result.errors = [...result.errors, ...bad.map((e) => `baseline ${baseline.input}: ${e}`)];
    if (bad.length === 0) result.errors.push(`baseline ${baseline.input}: cannot be read`);
    return;
  }
  result.findings.push(...baselineFindings(input, baseline));
}

const USAGE = 'usage: check CONFIG... [--format text|json|sarif|github|junit] [--strict] [--isolation] [--max-schedules N] [--fail-on error|warning|info] [--root DIR] [--baseline REF]... [--coverage] [--docs-url URL]';
const HELP = `${USAGE}

A CI gate over scenario files, share links, text files of share links (one a line) or harn-scope.json configs.
A scenario with a goal (a challenge or an exercise) is run and its goal decided: one not met is an S558 error, and
a last table says which inputs met theirs. Exit 2 if an input was bad, 1 on a finding at or above --fail-on
(default error), 0 clean.
  --format F          text (default), json, sarif, github or junit
  --strict            an effect harn's analysis does not see that the parent does not cover is an error, and
                      where the scheduler's compiler stopped following a program (S552, S559) is reported
  --isolation         also simulate and explore the run: every cross-wire, leak or refusal is a finding
  --max-schedules N   the explorer's bound under --isolation (default 20000)
  --fail-on LEVEL     error (default), warning or info: the lowest severity that fails the gate
  --root DIR          a harn-scope.json reads only inside its own directory; DIR widens that
  --baseline REF      the no-new-access gate: REF is the same config, scenario or link as it was; a grant or
                      ceiling that now allows an effect REF's did not is a P601 error naming it. Give one per
                      CONFIG, in the same order.
  --docs-url URL      where this tool's repository is browsed (https://github.com/OWNER/harn-scope-lab/blob/main):
                      SARIF rules link to docs/rules.md there (helpUri) and the tool to it (informationUri)
  --coverage          list every grant record and ceiling entry with the children and calls that use it, and
                      the unused ones`;
/** The explorer's bound under --isolation: a CI run must end; the lessons finish far below it. */
const DEFAULT_MAX_SCHEDULES = 20_000;

export async function run(args: string[], ctx: CommandContext): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) return (ctx.stdout(HELP + '\n'), 0);
  const { baselines, rest } = takeBaselines(args);
  const parsed = parseArgs(rest, ['format', 'max-schedules', 'fail-on', 'root', 'docs-url'], ['strict', 'isolation', 'coverage']);
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
  const readOptions = rootArg === undefined ? {} : { root: resolveCheckRoot(rootArg, ctx), rootShown: rootArg };
  if (baselines.length > 0 && baselines.length !== parsed.positionals.length)
    throw new CliError(`--baseline is given ${baselines.length} time(s) for ${parsed.positionals.length} CONFIG(s): give one REF per CONFIG, in the same order`);
  // A file of share links (one a line: a class's exercise links) is one input per link.
  const inputs = parsed.positionals.map((input) => readCheckInputs(input, ctx, readOptions));
  if (baselines.length > 0 && inputs.some((list) => list.length !== 1))
    throw new CliError('--baseline cannot be given with a file of links: give each CONFIG on its own with its REF');
  const results = inputs.flat().map((read, i) => {
    const result = checkInput(read, options);
    if (baselines[i] !== undefined) withBaseline(result, read, readCheckInput(baselines[i]!, ctx, readOptions));
    if (parsed.flags.has('coverage')) result.coverage = coverageOf(read);
    return result;
  });
  const docsUrl = parsed.options.get('docs-url') ?? null;
  if (docsUrl !== null && !/^https?:\/\/\S+$/.test(docsUrl)) throw new CliError(`--docs-url must be an http(s) URL (where this tool's repository is browsed), not "${docsUrl}"`);
  ctx.stdout(formatResults(results, format as CheckFormat, { docsUrl }));
  return Math.max(0, ...results.map(exitCodeOf)) === 2 ? 2 : results.some((r) => exitCodeOf(r) === 1) ? 1 : 0;
}
