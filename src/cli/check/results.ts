// The results of `harn-scope check` for one input, computed once and printed by every format: per child its
// effects, violations (reason, nearest parent record, sites), unseen effects and findings; with --isolation the
// simulation's and the explorer's cross-wires, leaks and refusals.
import {
  analyzeScenario,
  createDiagnostic,
  expectationFailure,
  failsGate,
  decideCrosswireBySearch,
  createLineIndex,
  eventSteps,
  stepNumber,
  crosswireWhere,
  effectRecordSummary,
  effectToValue,
  explore,
  grantFixFor,
  policyLintDiagnostic,
  programFindings,
  simulate,
  checkScenarioGoal,
  compileScenario,
  COMPILE_CUT_CODES,
  type Diagnostic,
  type DiagnosticCode,
  type GoalVerdict,
  type EffectRecord,
  type ExpectationResult,
  type CrosswireAt,
  type Severity,
} from '../../core/index.ts';
import type { CoverageResult } from './coverage.ts';
import { grantFixBase, grantFixEdit, policyLine, type FileFix } from './fixes.ts';
import type { CheckInput } from './inputs.ts';
import { scenarioFilePlaces, type FilePlace } from './scenarioLines.ts';

/** One finding placed in its file. */
export interface PlacedFinding {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  notes: string[];
  /** The edit that removes this finding, where one is known (SARIF `fixes`). */
  fix?: FileFix;
}

export interface ChildResult {
  name: string;
  file: string;
  error: string | null;
  /** False when the input's own errors stopped the analysis: the child is then not analyzed (never "does not parse"). */
  analyzed: boolean;
  parsed: boolean;
  effects: unknown[];
  violations: { effect: unknown; reason: string; nearest: unknown; sites: { line: number; column: number }[]; fix: unknown[] }[];
  unseen: { effect: unknown; reason: string; line: number; column: number; covered: boolean | null }[];
  expectations: { text: string; pass: boolean | null; message: string; line: number }[];
  findings: PlacedFinding[];
}

export interface InputResult {
  input: string;
  /** The gate: findings of this severity and above fail (exit 1). */
  failOn: Severity;
  kind: CheckInput['kind'];
  errors: string[];
  children: ChildResult[];
  /** Findings of the run (--isolation) and of the parent, placed at the parent's file. */
  findings: PlacedFinding[];
  isolation: { crosswires: number; leaks: string[]; refused: string[]; schedules: number; failing: number } | null;
  /** The scenario's goal decided on its run (a challenge or an exercise), or null when it has none. */
  goal: GoalVerdict | null;
  /** With --coverage: each grant record and ceiling entry with what uses it. */
  coverage?: CoverageResult | null;
  /** For a scenario file: where a place in one of its inline programs is in the file itself (SARIF and github put
   * results there); null when it is not in the file. A function, so the JSON format leaves it out. */
  inFile?: (place: FilePlace) => FilePlace | null;
}

export interface CheckOptions {
  strict: boolean;
  /** `--fail-on`: the least severe finding that fails the gate (default error). */
  failOn: Severity;
  isolation: boolean;
  maxSchedules: number;
}

function place(file: string, source: string, d: Diagnostic): PlacedFinding {
  const { line, column } = createLineIndex(source).position(d.span.start);
  return { code: d.code, severity: d.severity, message: d.message, file, line, column, notes: d.notes ?? [] };
}

// A run-level finding has no call site: it is placed at the start of the parent's file.
function runFinding(file: string, code: DiagnosticCode, severity: Severity, message: string): PlacedFinding {
  return { code, severity, message, file, line: 1, column: 1, notes: [] };
}

// A run's cross-wires numbered as the stepper numbers them (the event step), for the messages that name them.
function crosswiresAt(run: ReturnType<typeof simulate>): CrosswireAt[] {
  const events = eventSteps(run.steps);
  return run.summary.crosswires.map((c) => ({ task: c.task, at: stepNumber(events, c.step), consequence: c.consequence }));
}

function isolationResults(input: CheckInput, options: CheckOptions, out: InputResult): void {
  const scenario = input.scenario!;
  const run = simulate(scenario);
  const search = explore(scenario, { maxSchedules: options.maxSchedules });
  const { summary } = run;
  // A run finding goes where its fix goes: a cross-wire at the child's call that read the value, a refusal at the
  // parent's spawn; the run's own findings (leaks) at the start of the parent's file.
  const at = (stepIndex: number, code: DiagnosticCode, message: string): PlacedFinding => {
    const step = run.steps[stepIndex];
    const task = step?.task ?? null;
    const child = task === null ? -1 : scenario.children.findIndex((c) => c.name === task);
    const file = child >= 0 ? input.children.find((c) => c.name === task)?.file : task === scenario.parent.name ? input.parentFile : undefined;
    const source = child >= 0 ? scenario.children[child]!.source : scenario.parent.source;
    if (!step || step.span === null || file === undefined) return runFinding(input.parentFile, code, 'error', message);
    return place(file, source, createDiagnostic(code, message, step.span));
  };
  const events = eventSteps(run.steps);
  for (const c of summary.crosswires) out.findings.push(at(c.step, 'S554', `cross-wire at step ${stepNumber(events, c.step)}${crosswireWhere(c)}: ${c.consequence}`));
  for (const slot of summary.leaks) out.findings.push(runFinding(input.parentFile, 'S555', 'error', `${slot} is not restored on the outer thread after the run`));
  for (const child of summary.refused) {
    const refusal = run.steps.findIndex((s) => s.kind === 'refuse' && s.child === child);
    out.findings.push(at(refusal, 'S556', `${child} is refused at spawn`));
  }
  const first = search.first_failing;
  if (search.failing > 0 && first)
    out.findings.push(runFinding(input.parentFile, 'S554', 'error', `${search.failing} of ${search.schedules} schedules cross-wire or leak; the first: picks ${first.picks.join(',')}`));
  out.isolation = { crosswires: summary.crosswires.length, leaks: summary.leaks, refused: summary.refused, schedules: search.schedules, failing: search.failing };
}

// A ceiling field harn ignores was dropped by the loader (the analysis never sees it): its L407, worded as
// `effects --ceiling` words it, so the gate reports what the analysis reports.
type PolicyLint = Parameters<typeof policyLintDiagnostic>[0];

function ignoredFields(input: CheckInput, index: number): PolicyLint[] {
  const prefix = `children[${index}].ceiling.`;
  return input.ignored.filter((w) => w.path.startsWith(prefix)).map((w) => ({ code: 'L407', target: 'ceiling', path: w.path.slice(prefix.length), message: w.message }));
}

function undecidedOrFailed(result: ExpectationResult, strict: boolean): Diagnostic {
  const d = expectationFailure(result);
  if (result.pass === null && !strict) d.severity = 'warning';
  return d;
}

// Where the scheduler's compiler left part of a program out (S552 at the op limit, S559 past the call depth): each an
// error at the spot in the task's file. Reported whenever check relies on a run (--isolation, a goal, a no-crosswire
// expectation) and always under --strict.
function compileCutFindings(input: CheckInput): PlacedFinding[] {
  const scenario = input.scenario!;
  return compileScenario(scenario)
    .diagnostics.filter((d) => COMPILE_CUT_CODES.includes(d.diagnostic.code))
    .map(({ task, diagnostic }) => {
      const child = scenario.children.findIndex((c) => c.name === task);
      const file = child >= 0 ? input.children.find((c) => c.name === task)?.file : undefined;
      return file !== undefined ? place(file, scenario.children[child]!.source, diagnostic) : place(input.parentFile, scenario.parent.source, diagnostic);
    });
}

/** Analyzes one input (and with --isolation simulates and explores it). */
export function checkInput(input: CheckInput, options: CheckOptions): InputResult {
  const out: InputResult = { input: input.input, failOn: options.failOn, kind: input.kind, errors: input.errors, children: [], findings: [], isolation: null, goal: null };
  const inFile = scenarioFilePlaces(input);
  if (inFile) out.inFile = inFile;
  const scenario = input.scenario;
  const analysis = scenario ? analyzeScenario({ parent: scenario.parent, children: scenario.children }) : null;
  // `@expect no-crosswire` needs every schedule: one simulation and one exploration, made only when a child asks.
  let decided: { run: ReturnType<typeof simulate>; search: ReturnType<typeof explore> } | null = null;
  const evidence = () => (decided ??= { run: simulate(scenario!), search: explore(scenario!, { maxSchedules: options.maxSchedules, maxFailures: options.maxSchedules }) });
  // Where no grant is written, a fix writes one: the parent's computed effects the children use, and its record.
  let base: EffectRecord[] | null | undefined;
  const fixBase = () => (base ??= grantFixBase(analysis?.parentEffects ?? null, analysis?.children.flatMap((c) => c.granted.map((g) => g.effect)) ?? []));
  for (const child of input.children) {
    const index = scenario ? scenario.children.findIndex((c) => c.name === child.name) : -1;
    const report = analysis && index >= 0 ? analysis.children[index]! : null;
    const source = index >= 0 ? scenario!.children[index]!.source : '';
    // Ceiling fields harn ignores (L407), placed like the analysis's own policy lints.
    const ignored = index >= 0 ? ignoredFields(input, index) : [];
    const lines = createLineIndex(source);
    const at = (span: { start: number }) => lines.position(span.start);
    const written = report?.expectations ?? [];
    const expectations = written.some((e) => e.kind === 'no-crosswire') ? decideCrosswireBySearch(written, child.name, crosswiresAt(evidence().run), evidence().search) : written;
    // A no-crosswire line that fails, or that the search could not decide (an error under --strict, else a warning).
    const runFailures = expectations.filter((e, i) => e.pass !== true && written[i]!.pass === null);
    out.children.push({
      name: child.name,
      file: child.file,
      error: child.error,
      analyzed: report !== null,
      parsed: report?.parsed ?? false,
      effects: report ? report.granted.map((g) => effectToValue(g.effect)) : [],
      violations: (report?.violations ?? []).map((v) => ({
        effect: effectToValue(v.effect),
        reason: v.message,
        nearest: v.nearest ? effectRecordSummary(v.nearest) : null,
        sites: v.sites.map(at),
        fix: grantFixFor(v.effect).map(effectToValue),
      })),
      unseen: (report?.unseen ?? []).map((u, i) => ({ effect: u.effect ? effectToValue(u.effect) : null, reason: u.reason, ...at(u.span), covered: report!.unseenCovered[i] ?? null })),
      expectations: expectations.map((e) => ({ text: e.text, pass: e.pass, message: e.message, line: at(e.span).line })),
      findings: report
        ? [...ignored.map(policyLintDiagnostic), ...programFindings(report, options), ...runFailures.map((e) => undecidedOrFailed(e, options.strict))].map((d) => {
            const lint = [...report.lints, ...ignored].find((l) => l.code === d.code && policyLintDiagnostic(l).message === d.message);
            const policy = lint ? (lint.target === 'grant' ? input.policyFiles?.grant : input.policyFiles?.ceilings[child.name]) : undefined;
            // A policy lint goes where the fix goes: the key's line in the file the policy is written in.
            if (lint && policy) return { ...place(child.file, source, d), file: policy.file, line: policyLine(policy, lint.target === 'grant' ? 'grant' : { child: child.name }, lint.path.split(/[.[]/)[0] ?? null), column: 1 };
            const placed = place(child.file, source, d);
            const violation = d.code === 'HARN-CAP-301' ? report.violations.find((v) => v.message === d.message) : undefined;
            const fix = violation && input.policyFiles?.grant ? grantFixEdit(input.policyFiles.grant, grantFixFor(violation.effect), fixBase()) : null;
            return fix ? { ...placed, fix } : placed;
          })
        : [],
    });
  }
  if (scenario && input.errors.length === 0 && input.children.length === 0)
    out.findings.push(runFinding(input.input, 'S557', 'warning', `${input.kind === 'config' ? 'the config' : 'the scenario'} names no child ("children": []), so nothing is checked`));
  if (analysis && scenario) {
    for (const d of programFindings(analysis.parent, options)) out.findings.push(place(input.parentFile, scenario.parent.source, d));
    for (const e of analysis.grantErrors) out.findings.push(runFinding(input.parentFile, 'S553', 'error', `the parent grant is invalid: parent.grant${e.path}: ${e.message}`));
    if (options.isolation) isolationResults(input, options, out);
  }
  if (scenario && input.errors.length === 0 && (options.strict || options.isolation || scenario.goal || decided !== null)) out.findings.push(...compileCutFindings(input));
  // A goal (a challenge or an exercise) is decided on the scenario's own run; one not met fails the gate.
  if (scenario?.goal && input.errors.length === 0) {
    out.goal = checkScenarioGoal(scenario);
    if (out.goal && out.goal.status !== 'met') out.findings.push(runFinding(input.parentFile, 'S558', 'error', `goal not met: ${out.goal.goal} ${out.goal.message}`));
  }
  return out;
}

/** Every finding of an input: each child's, then the run's. */
export function allFindings(result: InputResult): PlacedFinding[] {
  return [...result.children.flatMap((c) => c.findings), ...result.findings];
}

/** 2 when the input (or a child's file) was bad, 1 on a finding at or above the gate's severity, else 0. */
export function exitCodeOf(result: InputResult): number {
  if (result.errors.length > 0 || result.children.some((c) => c.error !== null)) return 2;
  return allFindings(result).some((f) => failsGate(f.severity, result.failOn)) ? 1 : 0;
}

/** How many findings of each severity an input has (the text header and the JSON carry them). */
export function severityCounts(result: InputResult): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of allFindings(result)) out[f.severity]++;
  return out;
}
