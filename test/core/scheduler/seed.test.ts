// The tests of shared/seeds/ambient_scope.rs, written 1:1 as simulations: two tasks on one LocalSet each
// install a distinct value, yield twice so the sibling runs in between, then read it back.
import { describe, expect, it } from 'vitest';
import {
  SLOT,
  createContextValue,
  createPolicyValue,
  createSessionValue,
  op,
  type Op,
} from '../../../src/core/scheduler/index.ts';
import { observedReads, runRoots, task } from './helpers.ts';

const policyNamed = (name: string) => createPolicyValue(name, null);

function pushThenRead(name: string): Op[] {
  return [
    op.push(SLOT.executionPolicy, policyNamed(name)),
    op.yieldNow(),
    op.yieldNow(),
    op.read(SLOT.executionPolicy, 'current_execution_policy()'),
  ];
}

function setThenRead(slot: number, value: ReturnType<typeof createContextValue>, what: string): Op[] {
  return [op.set(slot, value), op.yieldNow(), op.yieldNow(), op.read(slot, what)];
}

describe('scoped_tasks_do_not_cross_wire_execution_policy', () => {
  const tasks = () => [task('alpha', pushThenRead('alpha')), task('beta', pushThenRead('beta'))];

  it('gives each scoped task back only its own policy and leaves the outer thread clean', () => {
    const result = runRoots(tasks(), { mode: 'scoped' });
    expect(observedReads(result, 'alpha')).toEqual(['policy(alpha)']);
    expect(observedReads(result, 'beta')).toEqual(['policy(beta)']);
    expect(result.summary.crosswires).toEqual([]);
    expect(result.summary.leaks).toEqual([]);
    expect(result.summary.completed).toBe(true);
  });

  it('hands alpha its sibling policy on shared thread-locals and leaves both on the outer thread', () => {
    const result = runRoots(tasks(), { mode: 'unscoped' });
    expect(observedReads(result, 'alpha')).toEqual(['policy(beta)']);
    expect(result.summary.crosswires).toMatchObject([
      { task: 'alpha', slot: 'EXECUTION_POLICY_STACK', expected: 'policy(alpha)', observed: 'policy(beta)' },
    ]);
    expect(result.summary.leaks).toEqual(['EXECUTION_POLICY_STACK']);
  });
});

describe('scope_is_restored_after_completion', () => {
  const gamma = () => [task('gamma', [op.push(SLOT.executionPolicy, policyNamed('gamma')), op.yieldNow()])];

  it('does not leak a completed scoped task into the outer thread', () => {
    expect(runRoots(gamma(), { mode: 'scoped' }).summary.leaks).toEqual([]);
  });

  it('leaks the policy of an unscoped task that never popped it', () => {
    const result = runRoots(gamma(), { mode: 'unscoped' });
    expect(result.summary.leaks).toEqual(['EXECUTION_POLICY_STACK']);
    expect(result.steps.at(-1)?.detail).toContain('EXECUTION_POLICY_STACK = [policy(gamma)]');
  });
});

describe('scoped_tasks_do_not_cross_wire_execution_context (F1)', () => {
  const tasks = () => [
    task(
      'alpha',
      setThenRead(SLOT.executionContext, createContextValue('alpha'), 'current_execution_context()'),
    ),
    task(
      'beta',
      setThenRead(SLOT.executionContext, createContextValue('beta'), 'current_execution_context()'),
    ),
  ];

  it('reads back each task its own cwd and env when scoped', () => {
    const result = runRoots(tasks(), { mode: 'scoped' });
    expect(observedReads(result, 'alpha')).toEqual(['ctx(cwd=/worktrees/alpha, env WORKER=alpha)']);
    expect(observedReads(result, 'beta')).toEqual(['ctx(cwd=/worktrees/beta, env WORKER=beta)']);
    expect(result.summary.leaks).toEqual([]);
  });

  it('hands alpha the sibling worktree and env when unscoped', () => {
    const result = runRoots(tasks(), { mode: 'unscoped' });
    expect(observedReads(result, 'alpha')).toEqual(['ctx(cwd=/worktrees/beta, env WORKER=beta)']);
    expect(result.summary.leaks).toEqual(['VM_EXECUTION_CONTEXT']);
  });
});

describe('scoped_tasks_do_not_cross_wire_mutation_session (F2)', () => {
  const tasks = () => [
    task(
      'alpha',
      setThenRead(SLOT.mutationSession, createSessionValue('alpha'), 'current_mutation_session()'),
    ),
    task('beta', setThenRead(SLOT.mutationSession, createSessionValue('beta'), 'current_mutation_session()')),
  ];

  it('reads back each task its own session when scoped', () => {
    const result = runRoots(tasks(), { mode: 'scoped' });
    expect(observedReads(result, 'alpha')).toEqual(['session-alpha/run-alpha']);
    expect(observedReads(result, 'beta')).toEqual(['session-beta/run-beta']);
    expect(result.summary.leaks).toEqual([]);
  });

  it('attributes alpha to the sibling session when unscoped', () => {
    const result = runRoots(tasks(), { mode: 'unscoped' });
    expect(observedReads(result, 'alpha')).toEqual(['session-beta/run-beta']);
    expect(result.summary.crosswires.map((c) => c.task)).toEqual(['alpha']);
  });

  it('cross-wires again in scoped mode once CURRENT_MUTATION_SESSION is uncaptured', () => {
    const captured = ['EXECUTION_POLICY_STACK', 'VM_EXECUTION_CONTEXT'];
    const result = runRoots(tasks(), { mode: 'scoped', captured });
    expect(observedReads(result, 'alpha')).toEqual(['session-beta/run-beta']);
  });
});
