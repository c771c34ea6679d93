// `harn-scope suggest CONFIG|SCENARIO [--json] [--granularity exact|kind] [--apply]`: least-privilege policies
// written from what the programs request — per child the tightest ceiling keeping every effect it requests, for
// the parent the smallest grant covering them all. Text: Harn dict literals; --json: one object
// {"grant", "ceilings"}; --apply: the input itself with those policies in place (a config's files stay relative
// to it, so write it beside the original). Exit 0, 1 when something could not be suggested, 2 on bad input.
import { currentlyKept, minimizeScenario, policyToHarn, effectToValue, effectRecordSummary, GRANULARITIES, grantToHarn, suggestPolicies, type CapabilityPolicy, type Granularity, type PolicySuggestion } from '../../core/index.ts';
import { readCheckInput } from '../check/inputs.ts';
import { CliError, parseArgs, parseJson, readText, type CommandContext } from '../io.ts';

export const USAGE = 'usage: suggest CONFIG|SCENARIO [--json] [--granularity exact|kind] [--tighten] [--apply]';
const HELP = `${USAGE}

For each child, the tightest ceiling that keeps every effect it requests (capability/ops and the lowest
side_effect_level), and for the parent the smallest grant covering every effect those ceilings keep.
  --granularity exact   one grant record per effect, with its resource (the default)
  --granularity kind    one record per kind (tool/hostcall/persona names kept) at its widest scope, without a
                        resource: harn's subset check lets such a record cover any resource
  --tighten             keep only what each child's current ceiling keeps (never widen a ceiling)
  --json                {"grant": [records], "ceilings": {child: CapabilityPolicy}}
  --apply               print the input with the suggested grant and ceilings in place (a harn-scope.json names its
                        files relative to itself: save the output beside it)
Exit 1 when a child does not parse (its effects are unknown, so no grant is suggested), 2 on bad input.`;

/** The suggestion as the JSON `suggest --json` prints. */
export function suggestionJson(suggestion: PolicySuggestion): { grant: unknown[] | null; ceilings: Record<string, CapabilityPolicy> } {
  const ceilings: Record<string, CapabilityPolicy> = {};
  for (const child of suggestion.children) if (child.ceiling) ceilings[child.name] = child.ceiling;
  return { grant: suggestion.grant?.map(effectToValue) ?? null, ceilings };
}

function text(suggestion: PolicySuggestion): string {
  const lines: string[] = [];
  for (const problem of suggestion.problems) lines.push(`# ${problem}`);
  lines.push(`# parent grant (${suggestion.granularity}): ${suggestion.grant === null ? 'not suggested' : `${suggestion.grant.length} record(s)`}`);
  if (suggestion.grant !== null) lines.push(grantToHarn(suggestion.grant));
  for (const child of suggestion.children) {
    if (!child.ceiling) continue;
    const notes = [
      `keeps ${child.kept.length} effect(s)`,
      ...(child.alsoKept.length > 0 ? [`also keeps ${child.alsoKept.map(effectRecordSummary).join(', ')} (same capability/op and level)`] : []),
      ...(child.dropped.length > 0 ? [`drops ${child.dropped.map(effectRecordSummary).join(', ')}`] : []),
    ];
    lines.push(`# ${child.name}: ${notes.join('; ')}`);
    lines.push(policyToHarn(child.ceiling));
  }
  return lines.join('\n') + '\n';
}

function applied(input: string, ctx: CommandContext, kind: 'scenario' | 'config', suggestion: PolicySuggestion, scenario: Parameters<typeof minimizeScenario>[0]): unknown {
  const { grant, ceilings } = suggestionJson(suggestion);
  if (kind === 'scenario') {
    const next = { ...scenario, parent: { ...scenario.parent, grant }, children: scenario.children.map((c) => ({ ...c, ceiling: ceilings[c.name] ?? c.ceiling })) };
    return minimizeScenario(next as typeof scenario);
  }
  const raw = parseJson(readText(input, ctx.cwd), input) as { parent: Record<string, unknown>; children: Record<string, unknown>[] };
  return { ...raw, parent: { ...raw.parent, grant }, children: raw.children.map((c) => (typeof c.name === 'string' && ceilings[c.name] ? { ...c, ceiling: ceilings[c.name] } : c)) };
}

export async function run(args: string[], ctx: CommandContext): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) return (ctx.stdout(HELP + '\n'), 0);
  const parsed = parseArgs(args, ['granularity'], ['json', 'apply', 'tighten']);
  if (parsed.positionals.length !== 1) throw new CliError(`expected one CONFIG or SCENARIO (${USAGE})`);
  const granularity = parsed.options.get('granularity') ?? 'exact';
  if (!(GRANULARITIES as readonly string[]).includes(granularity)) throw new CliError(`--granularity must be one of ${GRANULARITIES.join(', ')}, not "${granularity}"`);
  const arg = parsed.positionals[0]!;
  const input = readCheckInput(arg, ctx);
  const bad = [...input.errors, ...input.children.flatMap((c) => (c.error === null ? [] : [c.error]))];
  if (bad.length > 0 || input.scenario === null) throw new CliError(`${arg}: ${bad[0] ?? 'cannot be read'}${bad.length > 1 ? ` (and ${bad.length - 1} more)` : ''}`);
  const scenario = input.scenario;
  const programs = { parent: scenario.parent, children: scenario.children };
  const keep = parsed.flags.has('tighten') ? currentlyKept(programs) : undefined;
  const suggestion = suggestPolicies(programs, { granularity: granularity as Granularity, ...(keep ? { keep } : {}) });
  if (parsed.flags.has('apply')) ctx.stdout(JSON.stringify(applied(arg, ctx, input.kind, suggestion, scenario), null, 2) + '\n');
  else if (parsed.flags.has('json')) ctx.stdout(JSON.stringify(suggestionJson(suggestion)) + '\n');
  else ctx.stdout(text(suggestion));
  for (const problem of suggestion.problems) ctx.stderr(`harn-scope suggest: ${problem}\n`);
  return suggestion.problems.length > 0 ? 1 : 0;
}
