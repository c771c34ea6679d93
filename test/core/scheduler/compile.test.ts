// Lowering Harn programs into task ops: the worker life cycle, body order (own fns, literal loops, if false,
// parallel/spawn inline, try/throw), what each call reads and holds across its await, spawn sites and joins.
import { describe, expect, it } from 'vitest';
import { normalizeScenario } from '../../../src/core/scenario/defaults.ts';
import type { ScenarioInput } from '../../../src/core/scenario/types.ts';
import { MAX_CALL_DEPTH, SLOT_NAMES, compileScenario, type Op } from '../../../src/core/scheduler/index.ts';

function describeOp(o: Op): string {
  switch (o.op) {
    case 'check':
      return `check ${o.check.call}${o.check.target !== null ? ` ${o.check.target}` : ''} [${o.check.reads.map((s) => SLOT_NAMES[s]).join(' ')}]`;
    case 'await':
      return `await ${o.kind} ${o.ticks}`;
    case 'push':
    case 'set':
      return `${o.op} ${SLOT_NAMES[o.slot]} ${o.value?.label ?? 'none'}`;
    case 'spawn':
      return `spawn ${o.children.join(',')}`;
    case 'throw':
      return `throw ${o.message}`;
    case 'join':
      return 'join';
    default:
      return `${o.op} ${SLOT_NAMES[o.slot]}`;
  }
}

const GRANT = [{ kind: { kind: 'fs' }, scope: 'mutate' }];

function compileChild(source: string, run: ScenarioInput['run'] = {}) {
  const compiled = compileScenario(
    normalizeScenario({
      version: 1,
      parent: { source: 'pipeline main() {}', grant: GRANT },
      children: [{ name: 'alpha', source }],
      run,
    }),
  );
  return {
    ops: compiled.taskSet.tasks[1]!.ops.map(describeOp),
    diagnostics: compiled.diagnostics,
    taskSet: compiled.taskSet,
  };
}

/** The body ops only: between the prologue's overlay push and the epilogue's overlay pop. */
function bodyOf(ops: string[]): string[] {
  return ops.slice(
    ops.findIndex((o) => o.startsWith('push RUNTIME_CONTEXT_OVERLAY_STACK')) + 1,
    ops.lastIndexOf('pop RUNTIME_CONTEXT_OVERLAY_STACK'),
  );
}

describe('the child worker life cycle', () => {
  it('awaits emit_worker_event on inherited values, installs its own policy, context and session, runs, then pops them', () => {
    expect(compileChild('pipeline main() {}').ops).toEqual([
      'read RUNTIME_CONTEXT_OVERLAY_STACK',
      'await event 1',
      'push EXECUTION_POLICY_STACK policy(alpha)',
      'push EXECUTION_APPROVAL_POLICY_STACK approval(alpha)',
      'set VM_EXECUTION_CONTEXT ctx(cwd=/worktrees/alpha, env WORKER=alpha)',
      'set VM_SOURCE_DIR srcdir(/worktrees/alpha)',
      'set CURRENT_MUTATION_SESSION session-alpha/run-alpha',
      'push RUNTIME_CONTEXT_OVERLAY_STACK worker(alpha)',
      'pop RUNTIME_CONTEXT_OVERLAY_STACK',
      'unset CURRENT_MUTATION_SESSION',
      'unset VM_SOURCE_DIR',
      'unset VM_EXECUTION_CONTEXT',
      'pop EXECUTION_APPROVAL_POLICY_STACK',
      'pop EXECUTION_POLICY_STACK',
    ]);
  });
});

describe('what each call reads and holds', () => {
  it('reads policy, cwd and session for an fs write; holds an LLM frame across a model call', () => {
    const { ops } = compileChild(
      'pipeline main() {\n  write_file("out.txt", "x")\n  llm_call("hi")\n  read_file("in.txt")\n}',
      { latency: { llm: 3 } },
    );
    expect(bodyOf(ops)).toEqual([
      'check write_file out.txt [VM_EXECUTION_CONTEXT EXECUTION_POLICY_STACK CURRENT_MUTATION_SESSION]',
      'check llm_call hi [EXECUTION_POLICY_STACK AUTONOMY_POLICY_STACK]',
      'push LLM_RENDER_STACK llm(alpha)',
      'await llm 3',
      'read LLM_RENDER_STACK',
      'pop LLM_RENDER_STACK',
      'check read_file in.txt [VM_EXECUTION_CONTEXT EXECUTION_POLICY_STACK]',
    ]);
  });

  it('reads the command policy and hook depth for exec, raises the bridge depth across a host_call, pushes a connector frame', () => {
    const { ops } = compileChild(
      'pipeline main() {\n  exec("ls")\n  host_call("workspace.read_text", {path: "a"})\n  host_call("connector.slack.post", {})\n}',
    );
    expect(bodyOf(ops)).toEqual([
      'check exec ls [EXECUTION_POLICY_STACK COMMAND_POLICY_STACK COMMAND_POLICY_HOOK_DEPTH]',
      'check host_call workspace.read_text [EXECUTION_POLICY_STACK TRUSTED_BRIDGE_CALL_DEPTH]',
      'inc TRUSTED_BRIDGE_CALL_DEPTH',
      'await host 1',
      'dec TRUSTED_BRIDGE_CALL_DEPTH',
      'check host_call connector.slack.post [EXECUTION_POLICY_STACK TRUSTED_BRIDGE_CALL_DEPTH]',
      'push ACTIVE_HARN_CONNECTOR_CTX connector(alpha)',
      'inc TRUSTED_BRIDGE_CALL_DEPTH',
      'await host 1',
      'dec TRUSTED_BRIDGE_CALL_DEPTH',
      'read ACTIVE_HARN_CONNECTOR_CTX',
      'pop ACTIVE_HARN_CONNECTOR_CTX',
    ]);
  });

  it('lifts harness sub-handle calls and makes sleep/yield_now await points', () => {
    const { ops } = compileChild(
      'fn main(harness: Harness) {\n  harness.fs.write_file("a.txt", "x")\n  sleep(5s)\n  yield_now()\n}',
      { latency: { sleep: 4 } },
    );
    expect(bodyOf(ops)).toEqual([
      'check harness.fs.write_file a.txt [VM_EXECUTION_CONTEXT EXECUTION_POLICY_STACK CURRENT_MUTATION_SESSION]',
      'await sleep 4',
      'await yield 1',
    ]);
  });
});

describe('body order', () => {
  it('runs top-level statements first, follows own fns, unrolls literal loops and takes the then-branch unless the condition is false', () => {
    const source = [
      'read_file("top.txt")',
      'fn save() { write_file("then", "x") }',
      'pipeline main() {',
      '  for f in ["a", "b"] { read_file("lit") }',
      '  for f in files { read_file("each") }',
      '  while busy { read_file("loop") }',
      '  if false { read_file("never") } else { read_file("else") }',
      '  if ready { save() }',
      '  parallel each xs { x -> read_file("par") }',
      '}',
    ].join('\n');
    const targets = bodyOf(compileChild(source).ops)
      .filter((o) => o.startsWith('check'))
      .map((o) => o.split(' ')[2]);
    expect(targets).toEqual(['top.txt', 'lit', 'lit', 'each', 'loop', 'else', 'then', 'par']);
  });

  it('bounds recursion through own functions', () => {
    const { ops } = compileChild('fn again() { read_file("r")\n  again() }\npipeline main() { again() }');
    expect(bodyOf(ops).filter((o) => o.startsWith('check'))).toHaveLength(MAX_CALL_DEPTH);
  });

  it('turns a throw into a panic, but a throw inside try runs the catch body instead', () => {
    expect(bodyOf(compileChild('pipeline main() {\n  throw "boom"\n  read_file("after")\n}').ops)).toEqual([
      'throw boom',
    ]);
    const caught = bodyOf(
      compileChild(
        'pipeline main() {\n  try { throw "x"\n read_file("skipped") } catch (e) { read_file("caught") }\n  read_file("after")\n}',
      ).ops,
    );
    expect(caught.map((o) => o.split(' ')[2])).toEqual(['caught', 'after']);
  });

  it('runs a child that does not parse with no body, and says so', () => {
    const { ops, diagnostics } = compileChild('pipeline main( {');
    expect(bodyOf(ops)).toEqual([]);
    expect(diagnostics.map((d) => [d.task, d.diagnostic.code])).toEqual([['alpha', 'S550']]);
  });
});

describe('the parent', () => {
  const parentOps = (source: string) =>
    compileScenario(
      normalizeScenario({
        version: 1,
        parent: { source, grant: GRANT },
        children: [
          { name: 'alpha', source: 'pipeline main() {}' },
          { name: 'beta', source: 'pipeline main() {}' },
        ],
      }),
    ).taskSet.tasks[0]!.ops.map(describeOp);

  it('spawns every child at its first spawn_agent call and joins when that statement completes', () => {
    const ops = parentOps('pipeline main() {\n  let h = spawn_agent("w")\n  write_file("after.txt", "x")\n}');
    const body = bodyOf(ops);
    expect(body.slice(0, 4)).toEqual([
      'check spawn_agent w [EXECUTION_POLICY_STACK]',
      'spawn 1,2',
      'await spawn 1',
      'join',
    ]);
    expect(body[4]).toMatch(/^check write_file after.txt/);
  });

  it('spawns when a parallel block opens, runs its body inline once, and joins after the block', () => {
    const body = bodyOf(
      parentOps(
        'pipeline main() {\n  parallel each ["a", "b"] { n -> read_file("in") }\n  read_file("after")\n}',
      ),
    );
    expect(body.map((o) => o.split(' [')[0])).toEqual([
      'spawn 1,2',
      'check read_file in',
      'join',
      'check read_file after',
    ]);
  });

  it('spawns at the end of its prologue when its source has no spawn site, joining before its epilogue', () => {
    const ops = parentOps('pipeline main() {\n  read_file("mine")\n}');
    expect(ops.slice(7, 10).map((o) => o.split(' [')[0])).toEqual([
      'spawn 1,2',
      'check read_file mine',
      'join',
    ]);
    expect(ops[0]).toBe('push EXECUTION_POLICY_STACK policy(parent)');
  });
});

describe('real programs', () => {
  it('simulates every fourth corpus program as a child without throwing, and finishes each', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    const { simulate } = await import('../../../src/core/scheduler/index.ts');
    const repoRoot = resolve(__dirname, '../../..');
    const dir = resolve(repoRoot, '../shared/corpus/harn');
    const files = (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.harn'))
      .sort();
    expect(files.length).toBeGreaterThan(100);
    for (const file of files.filter((_, i) => i % 4 === 0)) {
      const source = readFileSync(resolve(dir, file), 'utf8');
      const scenario = normalizeScenario({
        version: 1,
        parent: { source: 'pipeline main() { spawn_agent("x") }', grant: [] },
        children: [
          { name: 'alpha', source },
          { name: 'beta', source },
        ],
        run: { mode: 'unscoped', enforceAtSpawn: false },
      });
      const result = simulate(scenario);
      expect(result.summary.status, file).toMatch(/finished|step-limit/);
    }
  }, 120_000);
});
