// `harn-scope diff A B [--child NAME]… [--json]`: two policies compared as policies — every effect B allows that A
// did not (newly allowed) and the reverse (newly denied), whether or not a program requests it today — with a line
// diff of their fields. A and B are both configs/scenarios/links (the grant and every ceiling compared), both grant
// files, or both ceiling files (JSON or a Harn dict literal). Exit 0 when they allow the same, 1 when not, 2 on bad
// input.
import { comparePolicySets, ceilingText, compareCeilings, compareGrants, grantFromValue, grantText, parseCeiling, parseJsonText, policySetOf, textDiff, type PolicyChange, type PolicySet } from '../../core/index.ts';
import { readCheckInput } from '../check/inputs.ts';
import { CliError, readText, type CommandContext } from '../io.ts';
import { isLinkArgument } from '../scenario-input.ts';

export const USAGE = 'usage: diff A B [--child NAME]... [--json]';
const HELP = `${USAGE}

Compares two policies as policies: the effects B allows that A did not ("newly allowed") and the effects A allowed
that B does not ("newly denied"), whether or not a program requests them today, and a line diff of the fields.
A and B are both configs, scenarios or share links (the parent grant and every child's ceiling, matched by name),
both grant files (a list of effect records or {"effects": [...]}), or both ceiling files (JSON or a Harn dict
literal). A ceiling decides by capability/op and side_effect_level, so its changes are listed per class
(capability.op, level) with an effect of that class.
  --child NAME   compare only this child's ceiling (repeatable; the grant is always compared)
  --json         one object {"changes": [{"policy", "newly_allowed", "newly_denied", "only", "fields"}]}
Exit 0 when A and B allow the same effects, 1 when they do not, 2 on bad input.`;

type Side = { kind: 'set'; set: PolicySet } | { kind: 'grant'; grant: ReturnType<typeof grantFromValue>['value'] } | { kind: 'ceiling'; ceiling: ReturnType<typeof parseCeiling>['value'] };

function readSide(arg: string, ctx: CommandContext): Side {
  if (!isLinkArgument(arg)) {
    const text = readText(arg, ctx.cwd).replace(/^\uFEFF/, '');
    const json = parseJsonText(text);
    const value = json.value as Record<string, unknown> | unknown[] | null;
    if (json.errors.length === 0 && (Array.isArray(value) || (value !== null && typeof value === 'object' && 'effects' in value && !('parent' in value)))) {
      const grant = grantFromValue(value);
      if (grant.errors[0]) throw new CliError(`${arg}: grant${grant.errors[0].path}: ${grant.errors[0].message}`);
      return { kind: 'grant', grant: grant.value };
    }
    if (json.errors.length > 0 || (value !== null && typeof value === 'object' && !('parent' in value))) {
      const ceiling = parseCeiling(text);
      if (ceiling.errors[0]) throw new CliError(`${arg}: ${ceiling.errors[0].path ? `${ceiling.errors[0].path}: ` : ''}${ceiling.errors[0].message}`);
      return { kind: 'ceiling', ceiling: ceiling.value };
    }
  }
  const input = readCheckInput(arg, ctx);
  const bad = [...input.errors, ...input.children.flatMap((c) => (c.error === null ? [] : [c.error]))];
  if (bad.length > 0 || input.scenario === null) throw new CliError(`${arg}: ${bad[0] ?? 'cannot be read'}`);
  return { kind: 'set', set: policySetOf({ parent: input.scenario.parent, children: input.scenario.children }) };
}

function changesOf(a: Side, b: Side, children: string[] | null, names: [string, string]): PolicyChange[] {
  if (a.kind === 'set' && b.kind === 'set') return comparePolicySets(a.set, b.set, children);
  if (a.kind === 'grant' && b.kind === 'grant') {
    const fields = grantText(a.grant);
    const after = grantText(b.grant);
    return [{ target: 'grant', label: 'grant', ...compareGrants(a.grant, b.grant), only: null, fields: fields === after ? [] : textDiff(fields, after) }];
  }
  if (a.kind === 'ceiling' && b.kind === 'ceiling') {
    const fields = ceilingText(a.ceiling);
    const after = ceilingText(b.ceiling);
    return [{ target: 'grant', label: 'ceiling', ...compareCeilings(a.ceiling, b.ceiling), only: null, fields: fields === after ? [] : textDiff(fields, after) }];
  }
  throw new CliError(`${names[0]} is ${a.kind === 'set' ? 'a config or scenario' : `a ${a.kind}`} but ${names[1]} is ${b.kind === 'set' ? 'a config or scenario' : `a ${b.kind}`}: compare like with like`);
}

function text(changes: readonly PolicyChange[]): string {
  const lines: string[] = [];
  for (const c of changes) {
    const only = c.only === 'after' ? ' (only in B)' : c.only === 'before' ? ' (only in A)' : '';
    lines.push(`${c.label}${only}: ${c.newlyAllowed.length} newly allowed, ${c.newlyDenied.length} newly denied`);
    for (const a of c.newlyAllowed) lines.push(`  + allows ${a.summary}`);
    for (const d of c.newlyDenied) lines.push(`  - denies ${d.summary}`);
    if (c.fields.length > 0) lines.push('  fields:', ...c.fields.map((l) => `    ${l}`));
  }
  return lines.join('\n') + '\n';
}

export async function run(args: string[], ctx: CommandContext): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) return (ctx.stdout(HELP + '\n'), 0);
  const children: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--child') {
      const name = args[++i];
      if (name === undefined) throw new CliError('option --child needs a value');
      children.push(name);
    } else rest.push(args[i]!);
  }
  const json = rest.includes('--json');
  const positionals = rest.filter((a) => a !== '--json');
  const unknown = positionals.find((a) => a.startsWith('--'));
  if (unknown) throw new CliError(`unknown option ${unknown}`);
  if (positionals.length !== 2) throw new CliError(`expected two inputs A and B (${USAGE})`);
  const [a, b] = positionals as [string, string];
  const changes = changesOf(readSide(a, ctx), readSide(b, ctx), children.length > 0 ? children : null, [a, b]);
  if (json) {
    const out = changes.map((c) => ({ policy: c.label, newly_allowed: c.newlyAllowed.map((x) => x.summary), newly_denied: c.newlyDenied.map((x) => x.summary), only: c.only, fields: c.fields }));
    ctx.stdout(JSON.stringify({ changes: out }) + '\n');
  } else ctx.stdout(text(changes));
  return changes.some((c) => c.newlyAllowed.length > 0 || c.newlyDenied.length > 0) ? 1 : 0;
}
