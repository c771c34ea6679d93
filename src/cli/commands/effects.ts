// `harn-scope effects CHILD… [--parent FILE] [--ceiling FILE] [--json]` (DESIGN §7): each child's handoff effects
// after the ceiling clamp, what the ceiling dropped and why, and the effects that escape the parent's grant.
// --parent takes a Harn program (its computed effects are the grant) or a grant: a serde JSON effect list or a
// handoff envelope {"effects": […]}, read as JSON whenever the text is JSON. --ceiling takes JSON or a Harn dict.
// `unseen` lists the effectful calls harn's analysis does not see; --strict also exits 1 when one is not covered by
// the parent. Exit 1 on violations or a child that does not parse; bad input is a CliError (exit 2).
import {
  analyzeProgram,
  compareDecisions,
  effectsFromValue,
  computeHandoffEffects,
  createLineIndex,
  effectRecordSummary,
  grantFromJson,
  looksLikeJson,
  effectToValue,
  explainViolations,
  lintCeiling,
  lintGrant,
  lintHostcallLevels,
  hiddenCharacterDiagnostics,
  parseCeiling,
  policyLintDiagnostic,
  programExpectations,
  unseenCoveredBy,
  violationDiagnostics,
  ignoredFieldLints,
  escapeText,
  type CapabilityPolicy,
  type PolicyLint,
  type ProgramAnalysis,
  type Violation,
  type EffectRecord,
} from '../../core/index.ts';
import { CliError, diagnosticToJson, formatDiagnostic, parseArgs, readText, type CommandContext } from '../io.ts';

function loadCeiling(path: string, cwd: string): { ceiling: CapabilityPolicy | null; ignored: PolicyLint[] } {
  const result = parseCeiling(readText(path, cwd));
  const first = result.errors[0];
  if (first) throw new CliError(`ceiling ${path}: ${first.path ? `${first.path}: ` : ''}${first.message}`);
  return { ceiling: result.value, ignored: ignoredFieldLints(result.warnings) };
}

function loadParent(path: string, cwd: string): { effects: EffectRecord[]; isGrant: boolean } {
  const text = readText(path, cwd);
  // JSON whenever the text is JSON, whatever the extension: a grant must never be read as an (empty) program.
  if (path.endsWith('.json') || looksLikeJson(text)) {
    const grant = grantFromJson(text);
    const first = grant.errors[0];
    if (first || !grant.value) throw new CliError(`parent grant ${path}: ${first?.path ? `${first.path}: ` : ''}${first?.message ?? 'invalid'}`);
    return { effects: grant.value, isGrant: true };
  }
  const analysis = analyzeProgram(text, null);
  if (!analysis.parsed) {
    const error = analysis.diagnostics.find((d) => d.severity === 'error');
    const where = error ? `${path}:${createLineIndex(text).position(error.span.start).line}` : path;
    throw new CliError(`parent ${where} does not parse, so its effects are unknown${error ? `: ${error.message}` : ''}`);
  }
  return { effects: computeHandoffEffects(text), isGrant: false };
}

const USAGE = 'usage: effects CHILD… [--parent FILE] [--ceiling FILE] [--compare-ceiling FILE] [--json] [--strict]';

type Changes = Record<'newly_dropped' | 'newly_allowed' | 'newly_escaping' | 'no_longer_escaping', ReturnType<typeof effectToValue>[]>;

/** The decisions that change when the --compare-ceiling policy replaces --ceiling (same parent). */
function compareJson(source: string, other: CapabilityPolicy | null, analysis: ProgramAnalysis, violations: Violation[], parent: EffectRecord[] | null): Changes {
  const b = analyzeProgram(source, other);
  const bViolations = explainViolations(parent, b.granted);
  const changes = compareDecisions(analysis, violations.map((v) => v.effect), b, bViolations.map((v) => v.effect));
  return {
    newly_dropped: changes.newlyDropped.map(effectToValue),
    newly_allowed: changes.newlyAllowed.map(effectToValue),
    newly_escaping: changes.newlyEscaping.map(effectToValue),
    no_longer_escaping: changes.noLongerEscaping.map(effectToValue),
  };
}

function compareText(path: string, changes: Changes): string[] {
  const out = [`  with --compare-ceiling ${escapeText(path)}:`];
  const summary = (e: ReturnType<typeof effectToValue>) => effectRecordSummary(effectsFromValue([e]).value![0]!);
  for (const [key, label] of [['newly_dropped', 'newly dropped'], ['newly_allowed', 'newly allowed'], ['newly_escaping', 'newly escaping'], ['no_longer_escaping', 'no longer escaping']] as const)
    for (const e of changes[key]) out.push(`    ${label.padEnd(18)} ${escapeText(summary(e))}`);
  if (out.length === 1) out.push('    no effect changes decision');
  return out;
}

export async function run(args: string[], ctx: CommandContext): Promise<number> {
  const parsedArgs = parseArgs(args, ['parent', 'ceiling', 'compare-ceiling'], ['json', 'strict']);
  if (parsedArgs.positionals.length === 0) throw new CliError(`expected a CHILD file (${USAGE})`);
  const json = parsedArgs.flags.has('json');
  const strict = parsedArgs.flags.has('strict');
  const ceilingPath = parsedArgs.options.get('ceiling');
  const parentPath = parsedArgs.options.get('parent');
  const loaded = ceilingPath === undefined ? { ceiling: null, ignored: [] } : loadCeiling(ceilingPath, ctx.cwd);
  const ceiling = loaded.ceiling;
  const parent = parentPath === undefined ? null : loadParent(parentPath, ctx.cwd);
  const parentEffects = parent?.effects ?? null;
  const lints = [...loaded.ignored, ...(ceiling ? lintCeiling(ceiling) : [])];
  const comparePath = parsedArgs.options.get('compare-ceiling');
  const compareWith = comparePath === undefined ? undefined : loadCeiling(comparePath, ctx.cwd).ceiling;

  const sources = parsedArgs.positionals.map((file) => readText(file, ctx.cwd));
  const analyses = sources.map((source) => analyzeProgram(source, ceiling));
  // The grant's own lints (L404 a record no child uses, L412 …), as `check` reports them at the parent.
  const grantLints = parent?.isGrant ? lintGrant(parent.effects, analyses.map((a) => a.granted.map((g) => g.effect))) : [];

  let exit = 0;
  for (const [index, file] of parsedArgs.positionals.entries()) {
    const source = sources[index]!;
    const analysis = analyses[index]!;
    const violations = explainViolations(parentEffects, analysis.granted);
    // `// @expect` lines (allowed / dropped / violation; no-crosswire needs a run: `check`). A failing one is L408.
    const { failed } = programExpectations(source, analysis, violations, parentEffects !== null);
    // The same diagnostics `check` reports for these inputs (issue 24): hidden characters, the hostcall-level lint.
    const hostcall = ceiling ? lintHostcallLevels(ceiling, analysis.granted.map((g) => g.effect)) : [];
    const diagnostics = [
      ...analysis.diagnostics,
      ...hiddenCharacterDiagnostics(source),
      ...violationDiagnostics(violations),
      ...[...lints, ...hostcall, ...grantLints].map(policyLintDiagnostic),
      ...failed,
    ];
    if (violations.length > 0 || !analysis.parsed || failed.length > 0) exit = 1;
    // --strict: an effect harn does not see is a finding unless the parent covers it (no parent covers nothing).
    if (strict && analysis.unseen.some((item) => unseenCoveredBy(parentEffects ?? [], item) !== true)) exit = 1;
    const lines = createLineIndex(source);
    if (json) {
      const out = {
        file,
        parsed: analysis.parsed,
        effects: analysis.granted.map((item) => effectToValue(item.effect)),
        dropped: analysis.dropped.map((drop) => ({ effect: effectToValue(drop.effect), reason: drop.reason })),
        parent_effects: parentEffects === null ? null : parentEffects.map(effectToValue),
        violations: parentEffects === null ? null : violations.map((v) => effectToValue(v.effect)),
        unseen: analysis.unseen.map((item) => {
          const { line, column } = lines.position(item.span.start);
          return { effect: item.effect === null ? null : effectToValue(item.effect), reason: item.reason, line, column };
        }),
        diagnostics: diagnostics.map((d) => diagnosticToJson(d, lines)),
        ...(compareWith === undefined ? {} : { compare: compareJson(source, compareWith ?? null, analysis, violations, parentEffects) }),
      };
      ctx.stdout(JSON.stringify(out) + '\n');
      continue;
    }
    const out: string[] = [];
    const shown = escapeText(file);
    if (!analysis.parsed) out.push(`${shown}: effects unknown: the child does not parse`);
    else {
      out.push(`${shown}: ${analysis.granted.length} effect(s) granted, ${analysis.dropped.length} dropped${parentEffects === null ? '' : `, ${violations.length} violation(s)`}`);
      for (const item of analysis.granted) out.push(`  granted  ${escapeText(effectRecordSummary(item.effect))}`);
      for (const drop of analysis.dropped) out.push(`  dropped  ${escapeText(effectRecordSummary(drop.effect))}: ${escapeText(drop.reason)}`);
      for (const item of analysis.unseen) {
        const covered = unseenCoveredBy(parentEffects, item);
        const parent = covered === null ? '' : covered ? ' (covered by the parent)' : ' (not covered by the parent)';
        out.push(`  unseen   ${item.effect === null ? 'effects unknown' : escapeText(effectRecordSummary(item.effect))}: ${escapeText(item.reason)}${parent}`);
      }
    }
    for (const d of diagnostics) out.push(formatDiagnostic(file, d, lines));
    if (compareWith !== undefined) out.push(...compareText(comparePath!, compareJson(source, compareWith ?? null, analysis, violations, parentEffects)));
    ctx.stdout(out.join('\n') + '\n');
  }
  return exit;
}
