// `link SCENARIO` prints the share-link fragment (`#s=…`) of a scenario file (or re-encodes a link);
// `link --decode FRAGMENT_OR_URL` prints the scenario a link holds, as pretty normalized JSON.
import { decodeLink, encodeLink, LINK_BUDGET } from '../../core/index.ts';
import { CliError, parseArgs, type CommandContext } from '../io.ts';
import { readScenarioInput } from '../scenario-input.ts';

const USAGE = 'usage: link SCENARIO.json | link --decode FRAGMENT_OR_URL';

export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const parsed = parseArgs(args, ['decode'], []);
  const link = parsed.options.get('decode');
  if (link !== undefined) {
    if (parsed.positionals.length > 0)
      throw new CliError(`--decode takes one link and nothing else (${USAGE})`);
    const decoded = decodeLink(link);
    if (decoded.value === null) throw new CliError(decoded.error?.message ?? 'the link cannot be opened');
    ctx.stdout(JSON.stringify(decoded.value, null, 2) + '\n');
    return 0;
  }
  const [input, ...extra] = parsed.positionals;
  if (input === undefined || extra.length > 0) throw new CliError(`expected one scenario (${USAGE})`);
  const scenario = readScenarioInput(input, ctx);
  const fragment = encodeLink(scenario);
  // The link must open again: a scenario too big for the decoder's limits gets an error, not a dead link.
  const check = decodeLink(fragment);
  if (check.value === null)
    throw new CliError(`${input}: cannot be shared as a link: ${check.error?.message ?? ''}`);
  ctx.stdout(fragment + '\n');
  if (fragment.length > LINK_BUDGET) {
    ctx.stderr(
      `note: the link is ${fragment.length.toLocaleString('en-US')} characters, over the ${LINK_BUDGET.toLocaleString('en-US')}-character budget (it still works)\n`,
    );
  }
  return 0;
}
