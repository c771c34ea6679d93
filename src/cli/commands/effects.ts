// `harn-scope effects CHILD… [--parent FILE] [--ceiling FILE] [--json]` (DESIGN §7): each child's handoff effects
// after the ceiling clamp, what the ceiling dropped and why, and the effects that escape the parent's grant.
// --parent takes a Harn program (its computed effects are the grant) or a serde JSON effect list (`.json` / `[`…).
// Exit 1 on violations or a child that does not parse; bad input is a CliError (exit 2).
import {
  analyzeProgram,
  computeHandoffEffects,
  createLineIndex,
  effectRecordSummary,
  effectsFromJson,
  effectToValue,
  explainViolations,
  lintCeiling,
  parseCeiling,
  policyLintDiagnostic,
  violationDiagnostics,
  visibleText,
  type CapabilityPolicy,
  type EffectRecord,
} from '../../core/index.ts';
import { CliError, diagnosticToJson, formatDiagnostic, parseArgs, readText, type CommandContext } from '../io.ts';

function loadCeiling(path: string, cwd: string): CapabilityPolicy | null {
  const result = parseCeiling(readText(path, cwd));
  const first = result.errors[0];
  if (first) throw new CliError(`ceiling ${path}: ${first.path ? `${first.path}: ` : ''}${first.message}`);
  return result.value;
}

function loadParent(path: string, cwd: string): EffectRecord[] {
  const text = readText(path, cwd);
  if (path.endsWith('.json') || text.trimStart().startsWith('[')) {
    const grant = effectsFromJson(text);
    const first = grant.errors[0];
    if (first || !grant.value) throw new CliError(`parent grant ${path}: ${first?.path ? `${first.path}: ` : ''}${first?.message ?? 'invalid'}`);
    return grant.value;
  }
  const analysis = analyzeProgram(text, null);
  if (!analysis.parsed) {
    const error = analysis.diagnostics.find((d) => d.severity === 'error');
    const where = error ? `${path}:${createLineIndex(text).position(error.span.start).line}` : path;
    throw new CliError(`parent ${where} does not parse, so its effects are unknown${error ? `: ${error.message}` : ''}`);
  }
  return computeHandoffEffects(text);
}

export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const parsedArgs = parseArgs(args, ['parent', 'ceiling'], ['json']);
  if (parsedArgs.positionals.length === 0) throw new CliError('expected a CHILD file (usage: effects CHILD… [--parent FILE] [--ceiling FILE] [--json])');
  const json = parsedArgs.flags.has('json');
  const ceilingPath = parsedArgs.options.get('ceiling');
  const parentPath = parsedArgs.options.get('parent');
  const ceiling = ceilingPath === undefined ? null : loadCeiling(ceilingPath, ctx.cwd);
  const parentEffects = parentPath === undefined ? null : loadParent(parentPath, ctx.cwd);
  const lints = ceiling ? lintCeiling(ceiling) : [];

  let exit = 0;
  for (const file of parsedArgs.positionals) {
    const source = readText(file, ctx.cwd);
    const analysis = analyzeProgram(source, ceiling);
    const violations = explainViolations(parentEffects, analysis.granted);
    const diagnostics = [...analysis.diagnostics, ...violationDiagnostics(violations), ...lints.map(policyLintDiagnostic)];
    if (violations.length > 0 || !analysis.parsed) exit = 1;
    const lines = createLineIndex(source);
    if (json) {
      const out = {
        file,
        parsed: analysis.parsed,
        effects: analysis.granted.map((item) => effectToValue(item.effect)),
        dropped: analysis.dropped.map((drop) => ({ effect: effectToValue(drop.effect), reason: drop.reason })),
        parent_effects: parentEffects === null ? null : parentEffects.map(effectToValue),
        violations: parentEffects === null ? null : violations.map((v) => effectToValue(v.effect)),
        diagnostics: diagnostics.map((d) => diagnosticToJson(d, lines)),
      };
      ctx.stdout(JSON.stringify(out) + '\n');
      continue;
    }
    const out: string[] = [];
    if (!analysis.parsed) out.push(`${file}: effects unknown: the child does not parse`);
    else {
      out.push(`${file}: ${analysis.granted.length} effect(s) granted, ${analysis.dropped.length} dropped${parentEffects === null ? '' : `, ${violations.length} violation(s)`}`);
      for (const item of analysis.granted) out.push(`  granted  ${visibleText(effectRecordSummary(item.effect))}`);
      for (const drop of analysis.dropped) out.push(`  dropped  ${visibleText(effectRecordSummary(drop.effect))}: ${visibleText(drop.reason)}`);
    }
    for (const d of diagnostics) out.push(formatDiagnostic(file, d, lines));
    ctx.stdout(out.join('\n') + '\n');
  }
  return exit;
}
