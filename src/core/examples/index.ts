// The lessons of DESIGN §6 (and F3, the drift guard's) as scenarios, each opening in the state that shows its point (mode, capture
// set, schedule, and `view.step` at the step to look at). Short, realistic Harn sources. Pure data; depends
// on ../scenario (normalizeScenario) and the scheduler's catalog (for capture sets minus one slot).
import { normalizeScenario } from '../scenario/defaults.ts';
import type { GrantRecord, Scenario, ScenarioInput } from '../scenario/types.ts';
import type { AmbientSlotName } from '../scenario/slots.ts';
import { AMBIENT_THREAD_LOCAL_CATALOG } from '../scheduler/catalog.ts';

/** One lesson: what it is called, two sentences on what to watch, and the scenario it opens. */
export interface Example {
  id: string;
  title: string;
  explanation: string;
  scenario: Scenario;
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

function example(id: string, title: string, explanation: string, input: ScenarioInput): Example {
  return { id, title, explanation, scenario: normalizeScenario(input) };
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
      view: { step: 50 },
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
      view: { step: 126 },
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
      view: { step: 58 },
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
      view: { step: 136 },
    },
  ),
  example(
    'bridge-depth-leak',
    'Trusted-bridge depth leak',
    'TRUSTED_BRIDGE_CALL_DEPTH is left out of the capture set. Watch beta’s host_call run at depth 1 while alpha’s bridge call is still awaiting, as if it were nested inside alpha’s trusted call.',
    {
      version: 1,
      parent: { source: FAN_OUT, grant: [HOST_READ] },
      children: [
        { name: 'alpha', source: worker(['host_call("workspace.read_text", {path: "a.txt"})']) },
        { name: 'beta', source: worker(['host_call("workspace.read_text", {path: "b.txt"})']) },
      ],
      run: { captured: capturedWithout('TRUSTED_BRIDGE_CALL_DEPTH') },
      view: { step: 108 },
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
      view: { step: 39 },
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
      view: { step: 10 },
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
      view: { step: 83 },
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
      view: { step: 77 },
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
      view: { step: 140 },
    },
  ),
];

/** The lesson with this id, or null. */
export function findExample(id: string): Example | null {
  return EXAMPLES.find((e) => e.id === id) ?? null;
}
