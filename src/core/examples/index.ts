// The lessons of DESIGN §6 (and F3, the drift guard's, and work stealing on two threads) as scenarios, each opening
// in the state that shows its point (mode, threads, capture set, schedule). Each stores the moment it lands on (not
// a step number: `view.step` is found by running it) and the words its landing narration must say. Short, realistic
// Harn sources. Depends on ../scenario (normalizeScenario), the scheduler's catalog (capture sets minus one slot) and
// simulate (the landing step).
import { normalizeScenario } from '../scenario/defaults.ts';
import { compareScenario, type Comparison } from '../scheduler/compare.ts';
import { contrastId, contrastName, contrastsOf, type Contrast } from '../scheduler/contrast.ts';
import { findMoment, type MomentQuery } from '../scheduler/moment.ts';
import { simulate } from '../scheduler/simulate.ts';
import type { GrantRecord, Scenario, ScenarioInput } from '../scenario/types.ts';
import type { AmbientSlotName } from '../scenario/slots.ts';
import { AMBIENT_THREAD_LOCAL_CATALOG } from '../scheduler/catalog.ts';

/** One lesson: what it is called, two sentences on what to watch, the scenario it opens (at its landing), the
 * moment it lands on and the slot or decision it teaches, as the words its landing narration names, and its
 * contrast: the one run setting whose change shows the fix (what Compare shows by default). */
export interface Example {
  id: string;
  title: string;
  explanation: string;
  scenario: Scenario;
  landing: MomentQuery;
  point: string[];
  contrast: Contrast;
}

/** The catalog's Captured set without `slot`: the capture list that brings a bug back. */
function capturedWithout(slot: AmbientSlotName): AmbientSlotName[] {
  return AMBIENT_THREAD_LOCAL_CATALOG.filter((s) => s.scoping.kind === 'captured' && s.name !== slot).map(
    (s) => s.name as AmbientSlotName,
  );
}

const LLM_WRITE: GrantRecord = { kind: { kind: 'llm' }, scope: 'write' };
const FS_WRITE: GrantRecord = { kind: { kind: 'fs' }, scope: 'write' };
const NET_WRITE: GrantRecord = { kind: { kind: 'net' }, scope: 'write' };
const HOST_READ: GrantRecord = { kind: { kind: 'hostcall', name: 'workspace.read_text' }, scope: 'read' };

const FAN_OUT =
  'pipeline main() {\n  parallel each ["alpha", "beta"] { name ->\n    spawn_agent(name)\n  }\n}';

function worker(lines: string[]): string {
  return `pipeline main() {\n${lines.map((line) => `  ${line}`).join('\n')}\n}`;
}

interface Lesson {
  landing: MomentQuery;
  point: string[];
  contrast: Contrast;
}

const UNSCOPED_FIX: Contrast = { kind: 'mode', bug: 'unscoped', fix: 'scoped' };

// The scenario opens at the landing moment's step in its own run (step 0 if it were missing: a test fails).
function example(
  id: string,
  title: string,
  explanation: string,
  input: ScenarioInput,
  lesson: Lesson,
): Example {
  const scenario = normalizeScenario(input);
  const step = Math.max(0, findMoment(simulate(scenario).steps, lesson.landing));
  return { id, title, explanation, scenario: { ...scenario, view: { ...scenario.view, step } }, ...lesson };
}

/** The lessons, in menu order. */
export const EXAMPLES: readonly Example[] = [
  example(
    'f1-cwd-env',
    'F1: working directory and env',
    'Unscoped, both children share one VM_EXECUTION_CONTEXT, as before the F1 fix. Watch alpha resume after yield_now() and resolve out.txt against beta’s cwd, so its write lands in beta’s worktree.',
    {
      version: 1,
      parent: { source: FAN_OUT, grant: [FS_WRITE] },
      children: [
        { name: 'alpha', source: worker(['yield_now()', 'write_file("out.txt", "alpha")']) },
        { name: 'beta', source: worker(['yield_now()', 'write_file("out.txt", "beta")']) },
      ],
      run: { mode: 'unscoped' },
    },
    {
      landing: { task: 'alpha', kind: 'read', subject: 'VM_EXECUTION_CONTEXT', what: 'write_file' },
      point: ['VM_EXECUTION_CONTEXT', "beta's worktree"],
      contrast: UNSCOPED_FIX,
    },
  ),
  example(
    'f2-mutation-session',
    'F2: mutation session',
    'CURRENT_MUTATION_SESSION is left out of the capture set, as it was before the F2 fix. Watch alpha’s write get audited under beta’s session and run id.',
    {
      version: 1,
      parent: { source: FAN_OUT, grant: [LLM_WRITE, FS_WRITE] },
      children: [
        {
          name: 'alpha',
          source: worker(['llm_call("draft the report")', 'write_file("report.md", "alpha")']),
        },
        { name: 'beta', source: worker(['llm_call("draft the report")', 'write_file("report.md", "beta")']) },
      ],
      run: { captured: capturedWithout('CURRENT_MUTATION_SESSION') },
    },
    {
      landing: { task: 'alpha', kind: 'read', subject: 'CURRENT_MUTATION_SESSION', what: 'write_file' },
      point: ['CURRENT_MUTATION_SESSION', "beta's session"],
      contrast: { kind: 'capture', slot: 'CURRENT_MUTATION_SESSION' },
    },
  ),
  example(
    'lifo-interleaving',
    'LIFO stacks interleaved',
    'Without scoping both children push onto the same thread-local stacks, so each resumes on top of the other’s frame and pops it. Watch alpha’s write get checked against beta’s read-only policy and denied, though preflight allowed it.',
    {
      version: 1,
      parent: { source: FAN_OUT, grant: [LLM_WRITE, FS_WRITE] },
      children: [
        { name: 'alpha', source: worker(['llm_call("summarize")', 'write_file("summary.md", "alpha")']) },
        {
          name: 'beta',
          source: worker(['llm_call("summarize")', 'read_file("summary.md")']),
          ceiling: { capabilities: { llm: [], workspace: ['read_text'] } },
        },
      ],
      run: { mode: 'unscoped' },
    },
    {
      landing: { task: 'alpha', kind: 'check', what: 'write_file' },
      point: ['denied', 'preflight allowed it'],
      contrast: UNSCOPED_FIX,
    },
  ),
  example(
    'panic-leak',
    'Panic without a restore guard',
    'In naive mode a poll swaps the scope back only when it returns normally. Watch alpha panic after its model call: its policy, context and session stay on the thread, and the outer check reports them leaked.',
    {
      version: 1,
      parent: { source: FAN_OUT, grant: [LLM_WRITE, FS_WRITE] },
      children: [
        { name: 'alpha', source: worker(['llm_call("plan")', 'throw "model refused the plan"']) },
        { name: 'beta', source: worker(['llm_call("plan")', 'write_file("plan.md", "beta")']) },
      ],
      run: { mode: 'naive' },
    },
    {
      landing: { task: 'alpha', kind: 'panic' },
      point: ['leaked', 'EXECUTION_POLICY_STACK', 'VM_EXECUTION_CONTEXT', 'CURRENT_MUTATION_SESSION'],
      contrast: { kind: 'mode', bug: 'naive', fix: 'scoped' },
    },
  ),
  example(
    'bridge-depth-leak',
    'Trusted-bridge depth leak',
    'TRUSTED_BRIDGE_CALL_DEPTH is left out of the capture set. Watch beta’s host_call run at depth 1 while alpha’s bridge call is still awaiting, as if nested inside alpha’s trusted call, so the builtins it bridges skip the policy check its own depth 0 would refuse them with.',
    {
      version: 1,
      parent: { source: FAN_OUT, grant: [HOST_READ] },
      children: [
        { name: 'alpha', source: worker(['host_call("workspace.read_text", {path: "a.txt"})']) },
        { name: 'beta', source: worker(['host_call("workspace.read_text", {path: "b.txt"})']) },
      ],
      run: { captured: capturedWithout('TRUSTED_BRIDGE_CALL_DEPTH') },
    },
    {
      landing: { task: 'beta', kind: 'read', subject: 'TRUSTED_BRIDGE_CALL_DEPTH', what: 'host_call' },
      point: ['TRUSTED_BRIDGE_CALL_DEPTH', 'depth 1', 'skip the execution-policy check'],
      contrast: { kind: 'capture', slot: 'TRUSTED_BRIDGE_CALL_DEPTH' },
    },
  ),
  example(
    'escalation',
    'Escalation refused at spawn',
    'beta posts to a deploy endpoint, but the parent itself only plans and spawns, so beta’s net write escapes the grant. Watch the spawn refuse beta with HARN-CAP-301; switch enforceAtSpawn off to watch it run anyway.',
    {
      version: 1,
      parent: { source: worker(['llm_call("plan the rollout")', 'spawn_agent("workers")']) },
      children: [
        { name: 'alpha', source: worker(['llm_call("check the plan")']) },
        {
          name: 'beta',
          source: worker(['llm_call("prepare")', 'http_post("https://deploy.example.com/run", "go")']),
        },
      ],
    },
    {
      landing: { task: 'parent', kind: 'refuse', subject: 'beta' },
      point: ['HARN-CAP-301', 'net:write'],
      contrast: { kind: 'enforce' },
    },
  ),
  example(
    'resource-mismatch',
    'Resource mismatch',
    'The grant allows writing notes.md only; a parent resource must equal the child’s exactly. Watch beta, which writes .env, be refused while alpha runs.',
    {
      version: 1,
      parent: { source: FAN_OUT, grant: [{ kind: { kind: 'fs' }, scope: 'write', resource: 'notes.md' }] },
      children: [
        { name: 'alpha', source: worker(['write_file("notes.md", "alpha")']) },
        { name: 'beta', source: worker(['write_file(".env", "TOKEN=1")']) },
      ],
    },
    {
      landing: { task: 'parent', kind: 'refuse', subject: 'beta' },
      point: ['HARN-CAP-301', 'fs:write (.env)'],
      contrast: { kind: 'enforce' },
    },
  ),
  example(
    'parent-grant',
    'An explicit parent grant',
    'The parent only spawns, so its computed effects would refuse any child that calls a model; the explicit grant replaces them with llm and net writes. Watch both children spawn and, with scoping on, each check run against its own policy.',
    {
      version: 1,
      parent: { source: FAN_OUT, grant: [LLM_WRITE, NET_WRITE] },
      children: [
        {
          name: 'alpha',
          source: worker(['let page = http_get("https://docs.example.com/a")', 'llm_call("summarize")']),
        },
        {
          name: 'beta',
          source: worker(['let page = http_get("https://docs.example.com/b")', 'llm_call("summarize")']),
        },
      ],
    },
    {
      landing: { task: 'parent', kind: 'spawn', subject: 'alpha' },
      point: ['llm:write', 'net:write', 'refused at spawn'],
      contrast: { kind: 'grant', grant: [LLM_WRITE, NET_WRITE] },
    },
  ),
  example(
    'three-way-fan-out',
    'Three-way fan-out',
    'Three children share unscoped thread-locals under a seeded random schedule. Watch the cross-wires spread: every child ends up reading some sibling’s policy, cwd or session.',
    {
      version: 1,
      parent: {
        source:
          'pipeline main() {\n  parallel each ["alpha", "beta", "gamma"] { name ->\n    spawn_agent(name)\n  }\n}',
        grant: [LLM_WRITE, NET_WRITE, FS_WRITE],
      },
      children: [
        {
          name: 'alpha',
          source: worker(['http_get("https://api.example.com/a")', 'write_file("a.json", "{}")']),
        },
        { name: 'beta', source: worker(['llm_call("review")', 'write_file("b.md", "ok")']) },
        {
          name: 'gamma',
          source: worker([
            'http_get("https://api.example.com/c")',
            'llm_call("merge")',
            'write_file("c.md", "done")',
          ]),
        },
      ],
      run: { mode: 'unscoped', schedule: { kind: 'random', seed: 7 } },
    },
    {
      landing: { task: 'beta', kind: 'read', subject: 'VM_EXECUTION_CONTEXT', what: 'write_file' },
      point: ['VM_EXECUTION_CONTEXT', "alpha's worktree"],
      contrast: UNSCOPED_FIX,
    },
  ),
  example(
    'f3-forcing-function',
    'F3: the forcing function',
    'EGRESS_TENANT_STACK is a new thread-local every net call reads, and nobody has classified it, so the scope never swaps it and the drift guard names it. Watch alpha resume after its model call and post under beta’s tenant; decide Captured in the Catalog and both clear.',
    {
      version: 1,
      parent: { source: FAN_OUT, grant: [LLM_WRITE, NET_WRITE] },
      children: [
        { name: 'alpha', source: worker(['llm_call("plan the upload")', 'http_post("https://api.example.com/upload", "alpha")']) },
        { name: 'beta', source: worker(['llm_call("plan the upload")', 'http_post("https://api.example.com/upload", "beta")']) },
      ],
      slots: [{ name: 'EGRESS_TENANT_STACK', reads: ['net'] }],
    },
    {
      landing: { task: 'alpha', kind: 'read', subject: 'EGRESS_TENANT_STACK', what: 'http_post' },
      point: ['EGRESS_TENANT_STACK', 'beta'],
      contrast: { kind: 'catalog', slot: 'EGRESS_TENANT_STACK' },
    },
  ),
  example(
    'work-stealing',
    'Work stealing: the task moves, its context does not',
    'Two threads, one child, unscoped: alpha sets its working directory on thread 1, awaits its model call, and thread 2, which is free, resumes it. Watch its write_file read VM_EXECUTION_CONTEXT on thread 2, which holds nothing of alpha’s; in scoped mode the poll swaps alpha’s scope into thread 2 with it.',
    {
      version: 1,
      parent: { source: worker(['spawn_agent("alpha")']), grant: [LLM_WRITE, FS_WRITE] },
      children: [{ name: 'alpha', source: worker(['llm_call("draft the notes")', 'write_file("notes.md", "alpha")']) }],
      // Everything on thread 1 until alpha's model call is done; then thread 2 resumes alpha (the migration).
      run: {
        mode: 'unscoped',
        threads: 2,
        schedule: { kind: 'picks', picks: ['parent@1', 'alpha@1', 'parent@1', 'alpha@1', 'alpha@2', 'parent@1'] },
      },
    },
    {
      landing: { task: 'alpha', kind: 'read', subject: 'VM_EXECUTION_CONTEXT', what: 'write_file' },
      point: ['Thread 2 holds nothing in VM_EXECUTION_CONTEXT', "alpha's own values stayed behind"],
      contrast: UNSCOPED_FIX,
    },
  ),
];

/** The lesson with this id, or null. */
export function findExample(id: string): Example | null {
  return EXAMPLES.find((e) => e.id === id) ?? null;
}

// The programs make the lesson: a run setting, a grant, a ceiling or a catalog decision changed since it opened is
// the lesson being explored; an edited program is a new scenario.
function sameProgramsAs(scenario: Scenario, lesson: Scenario): boolean {
  return (
    scenario.parent.source === lesson.parent.source &&
    scenario.children.length === lesson.children.length &&
    scenario.children.every((c, i) => c.name === lesson.children[i]!.name && c.source === lesson.children[i]!.source)
  );
}

/** The lesson whose programs the scenario runs (as opened, or with its settings changed), or null. */
export function lessonOf(scenario: Scenario): Example | null {
  return EXAMPLES.find((e) => sameProgramsAs(scenario, e.scenario)) ?? null;
}

/** One choice of Compare's contrast menu. */
export interface ContrastOption {
  id: string;
  name: string;
}

/** The contrasts Compare offers for a scenario: the lesson's own first (its default), then the others. */
export function contrastOptionsOf(scenario: Scenario): { options: ContrastOption[]; contrasts: Contrast[] } {
  const contrasts = contrastsOf(scenario, lessonOf(scenario)?.contrast ?? null);
  return { contrasts, options: contrasts.map((c) => ({ id: contrastId(c), name: contrastName(c) })) };
}

/** A comparison with the contrast it shows (its id; null: the default) and the menu of the others. */
export type LessonComparison = Comparison & { options: ContrastOption[]; contrastId: string | null };

/** Compare as the UI and the CLI ask for it: the contrast with id `id` (null: the default, the lesson's own, else
 * the scenario's mode or capture set against its fix), and the menu of the others. */
export function compareWithContrast(scenario: Scenario, id: string | null = null): LessonComparison {
  const { contrasts, options } = contrastOptionsOf(scenario);
  const lesson = lessonOf(scenario);
  // An id this scenario does not offer (another lesson's) falls back to the default.
  const chosen = (id === null ? undefined : contrasts.find((c) => contrastId(c) === id)) ?? (lesson ? contrasts[0]! : null);
  const comparison = compareScenario(scenario, chosen);
  return { ...comparison, options, contrastId: chosen ? contrastId(chosen) : null };
}
