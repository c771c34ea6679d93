// The challenges of the campaign (issue 28: play the scheduler), easy to hard: each is a lesson's programs with a
// goal to find by picking which ready task runs next. Every latency is 0, so every unfinished task is ready at each
// choice point, as in the explorer (its answer replays exactly). A test replays the explorer's solution of each and
// sees the goal met, and sees that the FIFO order alone does not meet it. `examples/challenges/` holds them as
// files (scripts/export-examples.ts). Depends on ../scenario (normalizeScenario) and ./types.ts.
import { normalizeScenario } from '../scenario/defaults.ts';
import type { Scenario, ScenarioInput } from '../scenario/types.ts';
import { AMBIENT_THREAD_LOCAL_CATALOG } from '../scheduler/catalog.ts';
import type { GoalTerm } from './types.ts';

/** One challenge: its place in the campaign, its title, how hard, and the scenario (with its goal) it opens. */
export interface Challenge {
  id: string;
  title: string;
  level: 'easy' | 'medium' | 'hard';
  scenario: Scenario;
}

const FS_WRITE = { kind: { kind: 'fs' }, scope: 'write' };
const LLM_WRITE = { kind: { kind: 'llm' }, scope: 'write' };
const NET_WRITE = { kind: { kind: 'net' }, scope: 'write' };
const HOST_READ = { kind: { kind: 'hostcall', name: 'workspace.read_text' }, scope: 'read' };
const fanOut = (names: string[]) =>
  `pipeline main() {\n  parallel each [${names.map((n) => `"${n}"`).join(', ')}] { name ->\n    spawn_agent(name)\n  }\n}`;
const worker = (lines: string[]) => `pipeline main() {\n${lines.map((line) => `  ${line}`).join('\n')}\n}`;
const ZERO = { default: 0 };

/** The catalog's Captured set without `slot`: the capture list that brings a bug back. */
const capturedWithout = (slot: string) => AMBIENT_THREAD_LOCAL_CATALOG.filter((s) => s.scoping.kind === 'captured' && s.name !== slot).map((s) => s.name);

function challenge(
  id: string,
  title: string,
  level: Challenge['level'],
  note: string,
  all: GoalTerm[],
  input: Omit<ScenarioInput, 'version' | 'goal'>,
  allow: NonNullable<ScenarioInput['goal']>['allow'] = ['picks'],
): Challenge {
  const scenario = normalizeScenario({ version: 1, ...input, run: { latency: ZERO, ...input.run }, goal: { verb: 'find', all, title, note, allow } });
  return { id, title, level, scenario };
}

const F1 = {
  parent: { source: fanOut(['alpha', 'beta']), grant: [FS_WRITE] },
  children: [
    { name: 'alpha', source: worker(['yield_now()', 'write_file("out.txt", "alpha")']) },
    { name: 'beta', source: worker(['yield_now()', 'write_file("out.txt", "beta")']) },
  ],
};

const THREE = {
  parent: { source: fanOut(['alpha', 'beta', 'gamma']), grant: [LLM_WRITE, NET_WRITE, FS_WRITE] },
  children: [
    { name: 'alpha', source: worker(['http_get("https://api.example.com/a")', 'write_file("a.json", "{}")']) },
    { name: 'beta', source: worker(['llm_call("review")', 'write_file("b.md", "ok")']) },
    { name: 'gamma', source: worker(['http_get("https://api.example.com/c")', 'llm_call("merge")', 'write_file("c.md", "done")']) },
  ],
};

const CWD = 'VM_EXECUTION_CONTEXT';

/** The campaign, easy to hard. */
export const CHALLENGES: readonly Challenge[] = [
  challenge(
    'c01-no-interleaving',
    'No interleaving, no bug',
    'easy',
    'Unscoped: alpha and beta share one thread\'s VM_EXECUTION_CONTEXT, and in the default order both writes land in another task\'s worktree. The bug needs an interleaving. Pick who runs next so that nothing cross-wires.',
    [{ kind: 'clean' }],
    { ...F1, run: { mode: 'unscoped' } },
  ),
  challenge(
    'c02-nested-without-nesting',
    'Nested without nesting',
    'easy',
    'TRUSTED_BRIDGE_CALL_DEPTH is not captured. In the default order beta\'s host_call runs as if inside alpha\'s trusted bridge call. Turn it around: make alpha the one that reads a depth it did not raise.',
    [{ kind: 'crosswire', task: 'alpha', slot: 'TRUSTED_BRIDGE_CALL_DEPTH' }],
    {
      parent: { source: fanOut(['alpha', 'beta']), grant: [HOST_READ] },
      children: [
        { name: 'alpha', source: worker(['host_call("workspace.read_text", {path: "a.txt"})']) },
        { name: 'beta', source: worker(['host_call("workspace.read_text", {path: "b.txt"})']) },
      ],
      run: { captured: capturedWithout('TRUSTED_BRIDGE_CALL_DEPTH') },
    },
  ),
  challenge(
    'c03-own-session',
    'Each under its own session',
    'easy',
    'CURRENT_MUTATION_SESSION is not captured, as before the F2 fix, and by default both writes are audited under another task\'s session. Find an order in which every write is audited under its own.',
    [{ kind: 'clean' }],
    {
      parent: { source: fanOut(['alpha', 'beta']), grant: [LLM_WRITE, FS_WRITE] },
      children: [
        { name: 'alpha', source: worker(['llm_call("draft the report")', 'write_file("report.md", "alpha")']) },
        { name: 'beta', source: worker(['llm_call("draft the report")', 'write_file("report.md", "beta")']) },
      ],
      run: { captured: capturedWithout('CURRENT_MUTATION_SESSION') },
    },
  ),
  challenge(
    'c04-own-policy',
    'Checked against its own policy',
    'medium',
    'Unscoped, both children push their policies onto one EXECUTION_POLICY_STACK, and beta\'s is read-only. Find an order in which every check runs against the policy of the task that makes it.',
    [{ kind: 'clean' }],
    {
      parent: { source: fanOut(['alpha', 'beta']), grant: [LLM_WRITE, FS_WRITE] },
      children: [
        { name: 'alpha', source: worker(['llm_call("summarize")', 'write_file("summary.md", "alpha")']) },
        { name: 'beta', source: worker(['llm_call("summarize")', 'read_file("summary.md")']), ceiling: { capabilities: { llm: [], workspace: ['read_text'] } } },
      ],
      run: { mode: 'unscoped' },
    },
  ),
  challenge(
    'c05-stay-on-your-thread',
    'Two threads, no harm',
    'medium',
    'Two threads of a work-stealing runtime, unscoped. By default alpha moves between the threads and its write lands in the parent\'s worktree. Pick task and thread so that nothing cross-wires.',
    [{ kind: 'clean' }],
    {
      parent: { source: worker(['spawn_agent("alpha")']), grant: [LLM_WRITE, FS_WRITE] },
      children: [{ name: 'alpha', source: worker(['llm_call("draft the notes")', 'write_file("notes.md", "alpha")']) }],
      run: { mode: 'unscoped', threads: 2 },
    },
  ),
  challenge(
    'c06-two-of-three',
    'Two of three',
    'hard',
    'Three children, VM_EXECUTION_CONTEXT not captured. Make alpha and beta both write with another task\'s working directory while gamma keeps its own.',
    [
      { kind: 'crosswire', task: 'alpha', slot: CWD },
      { kind: 'crosswire', task: 'beta', slot: CWD },
      { kind: 'crosswire', task: 'gamma', not: true },
    ],
    { ...THREE, run: { captured: capturedWithout(CWD) } },
  ),
  challenge(
    'c07-beta-alone',
    'Beta, not alpha',
    'hard',
    'The same three children. Make beta write with another task\'s working directory while alpha keeps its own.',
    [
      { kind: 'crosswire', task: 'beta', slot: CWD },
      { kind: 'crosswire', task: 'alpha', not: true },
    ],
    { ...THREE, run: { captured: capturedWithout(CWD) } },
  ),
  challenge(
    'c08-three-clean',
    'Three, and clean',
    'hard',
    'The same three children. Find the order in which all three write into their own worktrees.',
    [{ kind: 'clean' }],
    { ...THREE, run: { captured: capturedWithout(CWD) } },
  ),
];
