// What the worker calls on every edit: per program requested → dropped (with the rule) → granted effects,
// violations against the parent's grant, policy lints and diagnostics — all plain data. Hovers (what a call site
// produces and why) are computed apart, on demand: `scenarioHovers`, or `createScenarioAnalyzer().hoverAt`.
// "Nothing may look fine when it is not" (DESIGN §3): an unparsable program reports parsed:false, never [].
// Depends on ../syntax (parse), ../diagnostics.ts and the other analysis modules.
import { createDiagnostic, type Diagnostic, type Span } from '../diagnostics.ts';
import { hiddenCharacterDiagnostics, shownName, visibleText } from '../text.ts';
import { parse } from '../syntax/index.ts';
import { collectHandoffEffects, effectRecordSummary, parentCoversChild, type ParsedSource } from './effects.ts';
import { ceilingDropReason, ignoredFieldLints, lintCeiling, lintGrant, lintHostcallLevels, parseCeilingValue, type PolicyError, type PolicyLint } from './policy.ts';
import { grantErrorSummary, grantFromJson, grantFromValue, type AnalyzedEffect, type CapabilityPolicy, type EffectRecord } from './types.ts';
import { createIncrementalEffects, type IncrementalEffects } from './incremental.ts';
import { collectUnseenEffects, type UnseenEffect } from './unseen.ts';
import { variableResourceLints } from './variableResource.ts';
import { checkExpectations, expectationFailure, parseExpectations, type ExpectationFacts, type ExpectationResult, type WhatIfDecision } from './expect.ts';
import { explainViolations, violationDiagnostics, type Violation } from './violations.ts';

/** An effect the ceiling removed, with the rule that removed it. */
export interface DroppedEffect {
  effect: EffectRecord;
  sites: Span[];
  rule: 'capability' | 'level';
  reason: string;
}

export interface ProgramAnalysis {
  /** False when the source has an error diagnostic: effects are then unknown, not empty. */
  parsed: boolean;
  /** Parse diagnostics plus an L405 warning at each call site of a dropped effect and an L406 warning at each call
   * harn's analysis does not see. */
  diagnostics: Diagnostic[];
  requested: AnalyzedEffect[];
  dropped: DroppedEffect[];
  granted: AnalyzedEffect[];
  /** Effectful calls harn's handoff analysis does not see (beside the seed-exact lists, never in them). */
  unseen: UnseenEffect[];
}

/** Parses (or takes a parse), computes the seed's effects with call sites, and splits them by the ceiling.
 * `collect` stands in for `collectHandoffEffects` (the worker's analyzer passes its incremental collector). */
export function analyzeProgram(
  sourceOrParse: string | ParsedSource,
  ceiling?: CapabilityPolicy | null,
  collect: (parsed: ParsedSource) => AnalyzedEffect[] | null = collectHandoffEffects,
  sourceText: string | null = typeof sourceOrParse === 'string' ? sourceOrParse : null,
): ProgramAnalysis {
  const parsed = typeof sourceOrParse === 'string' ? parse(sourceOrParse) : sourceOrParse;
  const diagnostics = [...parsed.diagnostics];
  const requested = collect(parsed);
  if (requested === null) return { parsed: false, diagnostics, requested: [], dropped: [], granted: [], unseen: [] };
  const dropped: DroppedEffect[] = [];
  const granted: AnalyzedEffect[] = [];
  for (const item of requested) {
    const decision = ceiling ? ceilingDropReason(item.effect, ceiling) : null;
    if (decision) dropped.push({ effect: item.effect, sites: item.sites, rule: decision.rule, reason: decision.reason });
    else granted.push(item);
  }
  for (const drop of dropped) {
    const message = `Effect ${effectRecordSummary(drop.effect)} is dropped by the ceiling: ${drop.reason}`;
    for (const site of drop.sites) diagnostics.push(createDiagnostic('L405', message, site));
  }
  diagnostics.push(...variableResourceLints(parsed.program));
  const unseen = collectUnseenEffects(parsed.program, sourceText);
  for (const item of unseen) diagnostics.push(createDiagnostic('L406', unseenMessage(item), item.span));
  return { parsed: true, diagnostics, requested, dropped, granted, unseen };
}

/** The `// @expect` lines of `source` decided against its analysis (no-crosswire left to a run), and an L408
 * error for each that fails. */
export function programExpectations(
  source: string,
  analysis: ProgramAnalysis,
  violations: readonly Violation[],
  violationsChecked: boolean,
  whatIf?: ExpectationFacts['whatIf'],
): { expectations: ExpectationResult[]; failed: Diagnostic[] } {
  if (!analysis.parsed) return { expectations: [], failed: [] };
  const expectations = checkExpectations(parseExpectations(source), {
    ...(whatIf ? { whatIf } : {}),
    requested: analysis.requested.map((r) => r.effect),
    dropped: analysis.dropped,
    granted: analysis.granted.map((g) => g.effect),
    violations: violations.map((v) => v.effect),
    violationsChecked,
    unseen: analysis.unseen,
  });
  const failed = expectations.filter((e) => e.pass === false).map(expectationFailure);
  return { expectations, failed };
}

/** What a ceiling and a parent grant would decide for `effect` if a child requested it (the what-if of an
 * `@expect` line): dropped, escaping, or allowed; null when the grant is unknown and the ceiling keeps it. */
export function whatIfDecision(effect: EffectRecord, ceiling: CapabilityPolicy | null, parent: readonly EffectRecord[] | null): WhatIfDecision | null {
  const drop = ceiling ? ceilingDropReason(effect, ceiling) : null;
  const summary = effectRecordSummary(effect);
  if (drop) return { decision: 'dropped', reason: `${summary} would be dropped by the ceiling: ${drop.reason}` };
  if (parent === null) return null;
  const [violation] = explainViolations(parent, [{ effect, sites: [] }]);
  if (violation) return { decision: 'violation', reason: `${summary} would escape the parent grant: ${violation.message.slice(`Child effect ${summary} escapes the parent grant: `.length)}` };
  const cover = parent.find((record) => parentCoversChild(record, effect));
  return { decision: 'allowed', reason: `${summary} would be allowed${cover ? ` (covered by parent record ${effectRecordSummary(cover)})` : ''}` };
}

/** The sentence of an unseen effect, shared by the L406 marker, the ledger and the CLI. */
export function unseenMessage(item: UnseenEffect): string {
  return item.effect === null ? `Not in the handoff: ${item.reason}` : `Not in the handoff: ${effectRecordSummary(item.effect)} is ${item.reason}`;
}

/** Whether the parent's grant covers an unseen effect: null when there is nothing to check (no grant, or the
 * effect is unknown — which covers nothing, so it counts as not covered where a decision is needed). */
export function unseenCoveredBy(parent: readonly EffectRecord[] | null, item: UnseenEffect): boolean | null {
  if (parent === null) return null;
  if (item.effect === null) return false;
  const effect = item.effect;
  return parent.some((record) => parentCoversChild(record, effect));
}

/** One program of a scenario, as the worker receives it (structurally DESIGN §5). */
export interface ScenarioProgramInput {
  name: string;
  source: string;
}

export interface ScenarioAnalysisInput {
  /** `grant`: a serde JSON effect list (parsed value or JSON text), or null/absent to use the parent's computed effects. */
  parent: ScenarioProgramInput & { grant?: unknown };
  children: (ScenarioProgramInput & { ceiling?: CapabilityPolicy | null })[];
}

export interface HoverDecision {
  decision: 'granted' | 'dropped' | 'unconstrained' | 'covered' | 'violation' | 'unchecked';
  reason: string;
}

/** What a hover over a call site shows: each effect it produces, the ceiling's and the parent's decision. */
export interface EffectHover {
  span: Span;
  effects: { summary: string; ceiling: HoverDecision; parent: HoverDecision }[];
  /** What else is true of this call, in the words of its lint (L413: a resource that is a variable's name). */
  notes?: string[];
}

export interface ProgramReport extends ProgramAnalysis {
  name: string;
  /** Child effects the parent's grant does not cover (always [] for the parent itself). */
  violations: Violation[];
  /** False when there was nothing to check against (parent grant unknown, or this is the parent). */
  violationsChecked: boolean;
  lints: PolicyLint[];
  /** For each of `unseen`: whether the parent's grant covers it (null: nothing to check against). */
  unseenCovered: (boolean | null)[];
  /** The program's `// @expect` lines and their outcome (a failing one is also an L408 diagnostic). */
  expectations: ExpectationResult[];
}

export interface ScenarioAnalysis {
  parent: ProgramReport;
  children: ProgramReport[];
  /** The grant if given and valid, else the parent's computed effects; null when neither is known. */
  parentEffects: EffectRecord[] | null;
  parentEffectsSource: 'grant' | 'computed' | 'unknown';
  /** Field-precise problems with `parent.grant` (reported, never thrown); the grant is then unknown. */
  grantErrors: PolicyError[];
  /** Field-precise problems with each child's ceiling, by child index ([] when valid). */
  ceilingErrors: PolicyError[][];
}

const POLICY_LINT_SPAN: Span = { start: 0, end: 0 };

/** A policy lint as a diagnostic (at offset 0: policies live outside the program's source). */
export function policyLintDiagnostic(lint: PolicyLint): Diagnostic {
  const where = lint.path === '' ? lint.target : `${lint.target} ${shownName(lint.path)}`;
  return createDiagnostic(lint.code, `${lint.message} (${where})`, POLICY_LINT_SPAN);
}

function decodeGrant(grant: unknown): { value: EffectRecord[] | null; errors: PolicyError[] } {
  if (grant === undefined || grant === null) return { value: null, errors: [] };
  const result = typeof grant === 'string' ? grantFromJson(grant) : grantFromValue(grant);
  return { value: result.value, errors: result.errors.map((e) => ({ path: e.path, message: e.message })) };
}

function buildHovers(analysis: ProgramAnalysis, hasCeiling: boolean, parent: readonly EffectRecord[] | null, violations: readonly Violation[]): EffectHover[] {
  const bySpan = new Map<string, EffectHover>();
  const add = (site: Span, entry: EffectHover['effects'][number]) => {
    const key = `${site.start}:${site.end}`;
    let hover = bySpan.get(key);
    if (!hover) bySpan.set(key, (hover = { span: site, effects: [] }));
    hover.effects.push(entry);
  };
  for (const drop of analysis.dropped) {
    const parentDecision: HoverDecision = { decision: 'unchecked', reason: 'dropped by the ceiling, so not checked against the parent' };
    // One entry object for all sites of an effect: structured cloning sends a shared object once (a reference after).
    const entry = { summary: visibleText(effectRecordSummary(drop.effect)), ceiling: { decision: 'dropped', reason: visibleText(drop.reason) } as const, parent: parentDecision };
    for (const site of drop.sites) add(site, entry);
  }
  const violationByEffect = new Map(violations.map((v) => [v.effect, v]));
  for (const item of analysis.granted) {
    const ceiling: HoverDecision = hasCeiling ? { decision: 'granted', reason: 'allowed by the ceiling' } : { decision: 'unconstrained', reason: 'no ceiling' };
    const violation = violationByEffect.get(item.effect);
    let parentDecision: HoverDecision;
    if (parent === null) parentDecision = { decision: 'unchecked', reason: 'no parent grant to check against' };
    else if (violation) parentDecision = { decision: 'violation', reason: visibleText(violation.message) };
    else {
      const cover = parent.find((record) => parentCoversChild(record, item.effect));
      parentDecision = { decision: 'covered', reason: cover ? `covered by parent record ${visibleText(effectRecordSummary(cover))}` : 'covered by the parent grant' };
    }
    const entry = { summary: visibleText(effectRecordSummary(item.effect)), ceiling, parent: parentDecision };
    for (const site of item.sites) add(site, entry);
  }
  // A resource that is a variable's name: the hover says what the L413 lint at the same call says.
  for (const d of analysis.diagnostics) {
    if (d.code !== 'L413') continue;
    const hover = bySpan.get(`${d.span.start}:${d.span.end}`);
    if (hover) hover.notes = [...(hover.notes ?? []), visibleText(d.message)];
  }
  return [...bySpan.values()].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** Analyzes one program (parse, effects, ceiling split): `analyzeProgram`, or a caching stand-in for it that keys
 * its cache by `role` ('p' for the parent, 'c<index>' for a child). */
type ProgramAnalyzer = (source: string, ceiling: CapabilityPolicy | null, role: string) => ProgramAnalysis;

function analyzeScenarioWith(input: ScenarioAnalysisInput, analyze: ProgramAnalyzer): ScenarioAnalysis {
  const parentAnalysis = analyze(input.parent.source, null, 'p');
  const grant = decodeGrant(input.parent.grant);
  let parentEffects: EffectRecord[] | null;
  let parentEffectsSource: ScenarioAnalysis['parentEffectsSource'];
  if (input.parent.grant !== undefined && input.parent.grant !== null) {
    parentEffects = grant.value;
    parentEffectsSource = grant.value ? 'grant' : 'unknown';
  } else if (parentAnalysis.parsed) {
    parentEffects = parentAnalysis.granted.map((item) => item.effect);
    parentEffectsSource = 'computed';
  } else {
    parentEffects = null;
    parentEffectsSource = 'unknown';
  }

  const ceilingErrors: PolicyError[][] = [];
  const children = input.children.map((child, index): ProgramReport => {
    // A ceiling arriving over postMessage is untrusted: validate it like the JSON editor does.
    const checked = parseCeilingValue(child.ceiling ?? null);
    ceilingErrors.push(checked.errors);
    const ceiling = checked.value;
    const analysis = analyze(child.source, ceiling, `c${index}`);
    const violations = explainViolations(parentEffects, analysis.granted);
    // L407 (a field harn ignores, with its did-you-mean) first, as `effects --ceiling` reports it: the gate and the
    // analysis report the same diagnostics for the same inputs.
    const lints = [...ignoredFieldLints(checked.warnings), ...(ceiling ? [...lintCeiling(ceiling), ...lintHostcallLevels(ceiling, analysis.granted.map((g) => g.effect))] : [])];
    const { expectations, failed } = programExpectations(child.source, analysis, violations, parentEffects !== null, (effect) => whatIfDecision(effect, ceiling, parentEffects));
    const diagnostics = [
      ...analysis.diagnostics,
      ...hiddenCharacterDiagnostics(child.source),
      ...violationDiagnostics(violations),
      ...lints.map(policyLintDiagnostic),
      ...failed,
    ];
    return {
      name: child.name,
      ...analysis,
      diagnostics,
      violations,
      violationsChecked: parentEffects !== null && analysis.parsed,
      lints,
      unseenCovered: analysis.unseen.map((item) => unseenCoveredBy(parentEffects, item)),
      expectations,
    };
  });

  const parentLints = parentEffectsSource === 'grant' && parentEffects ? lintGrant(parentEffects, children.map((c) => c.granted.map((g) => g.effect))) : [];
  // An invalid grant is an error of the parent's (the Diagnostics count says so), as the run's S553 is.
  const grantProblem = grant.errors.length > 0 ? [createDiagnostic('S553', `The parent grant is invalid, so no child is spawned: ${grantErrorSummary(grant.errors)}`, POLICY_LINT_SPAN)] : [];
  // The parent's `@expect` lines ask what its grant would decide for a child's effect (a child without a ceiling).
  const parentExpectations = parentAnalysis.parsed
    ? checkExpectations(parseExpectations(input.parent.source), {
        requested: [], dropped: [], granted: [], violations: [], violationsChecked: parentEffects !== null,
        whatIf: (effect) => whatIfDecision(effect, null, parentEffects),
        whatIfLead: 'if a child requested it',
      })
    : [];
  const parent: ProgramReport = {
    name: input.parent.name,
    ...parentAnalysis,
    diagnostics: [
      ...parentAnalysis.diagnostics, ...hiddenCharacterDiagnostics(input.parent.source), ...grantProblem, ...parentLints.map(policyLintDiagnostic),
      ...parentExpectations.filter((e) => e.pass === false).map(expectationFailure),
    ],
    violations: [],
    violationsChecked: false,
    lints: parentLints,
    unseenCovered: parentAnalysis.unseen.map(() => null),
    expectations: parentExpectations,
  };
  return { parent, children, parentEffects, parentEffectsSource, grantErrors: grant.errors, ceilingErrors };
}

/**
 * Analyzes the parent and every child, clamps each child to its ceiling, checks it against the parent's grant (or
 * computed effects), and lints the policies. Never throws on bad input; the result is plain data.
 */
export function analyzeScenario(input: ScenarioAnalysisInput): ScenarioAnalysis {
  return analyzeScenarioWith(input, (source, ceiling) => analyzeProgram(source, ceiling));
}

/** The hovers of one program of an analyzed scenario (`program` names the parent or a child), sorted by span;
 * [] for a name the analysis does not have. `input` is what `analysis` was computed from. */
export function scenarioHovers(input: ScenarioAnalysisInput, analysis: ScenarioAnalysis, program: string): EffectHover[] {
  if (analysis.parent.name === program) return buildHovers(analysis.parent, false, null, []);
  const index = analysis.children.findIndex((child) => child.name === program);
  if (index < 0) return [];
  const report = analysis.children[index]!;
  const hasCeiling = parseCeilingValue(input.children[index]?.ceiling ?? null).value !== null;
  return buildHovers(report, hasCeiling, analysis.parentEffects, report.violations);
}

/** The worker's analyzer: `analyze` is `analyzeScenario` that re-analyzes only programs whose source or ceiling
 * changed since the previous call (typing in one child leaves the others alone), and in those only the handler body
 * statements whose text changed (`createIncrementalEffects`); `hoverAt` answers a hover from the
 * latest analysis, computing that program's hovers on first use (they stay out of every edit's reply). */
export interface ScenarioAnalyzer {
  analyze(input: ScenarioAnalysisInput): ScenarioAnalysis;
  /** The hover whose call site contains `offset` in `program`'s source as last analyzed, or null. */
  hoverAt(program: string, offset: number): EffectHover | null;
}

interface CachedProgram {
  source: string;
  ceilingKey: string;
  analysis: ProgramAnalysis;
  /** Remembers the effects of its statements, so the next edit of this program re-collects only what changed. */
  effects: IncrementalEffects;
}

export function createScenarioAnalyzer(): ScenarioAnalyzer {
  // Keyed by role: 'p' for the parent, 'c<index>' for a child, so renaming a tab keeps its analysis.
  let cache = new Map<string, CachedProgram>();
  let last: { input: ScenarioAnalysisInput; analysis: ScenarioAnalysis; hovers: Map<string, EffectHover[]> } | null = null;
  return {
    analyze(input) {
      const next = new Map<string, CachedProgram>();
      const analysis = analyzeScenarioWith(input, (source, ceiling, role) => {
        const ceilingKey = ceiling ? JSON.stringify(ceiling) : '';
        const hit = cache.get(role);
        const effects = hit?.effects ?? createIncrementalEffects();
        const program =
          hit && hit.source === source && hit.ceilingKey === ceilingKey
            ? hit.analysis
            : analyzeProgram(parse(source), ceiling, (parsed) => effects.collect(parsed, source), source);
        next.set(role, { source, ceilingKey, analysis: program, effects });
        return program;
      });
      cache = next;
      last = { input, analysis, hovers: new Map() };
      return analysis;
    },
    hoverAt(program, offset) {
      if (!last) return null;
      let hovers = last.hovers.get(program);
      if (!hovers) {
        hovers = scenarioHovers(last.input, last.analysis, program);
        last.hovers.set(program, hovers);
      }
      return hovers.find((hover) => hover.span.start <= offset && offset < hover.span.end) ?? null;
    },
  };
}
