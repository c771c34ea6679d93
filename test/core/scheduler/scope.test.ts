// captureInherited copies exactly the seed's inherited slots; swapIn exchanges and returns the previous values.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CAPTURE_SET,
  INHERITED_SLOTS,
  SLOT,
  SLOT_NAMES,
  captureInherited,
  createContextValue,
  createEmptySlots,
  createOwnedValue,
  createPolicyValue,
  createSessionValue,
  isSlotEmpty,
  swapIn,
  type SlotValues,
} from '../../../src/core/scheduler/index.ts';

function parentThread(): SlotValues {
  const thread = createEmptySlots();
  thread[SLOT.executionPolicy] = [createPolicyValue('parent', null)];
  thread[SLOT.approvalPolicy] = [createOwnedValue('approval', 'approval', 'parent')];
  thread[SLOT.commandPolicy] = [createOwnedValue('command', 'command', 'parent')];
  thread[SLOT.dynamicPermission] = [createOwnedValue('permission', 'permissions', 'parent')];
  thread[SLOT.runtimeContext] = [createOwnedValue('overlay', 'run', 'parent')];
  thread[SLOT.autonomy] = [createOwnedValue('autonomy', 'autonomy', 'parent')];
  thread[SLOT.llmRender] = [createOwnedValue('llm-frame', 'llm', 'parent')];
  thread[SLOT.trustedBridgeDepth] = 2;
  thread[SLOT.commandHookDepth] = 1;
  thread[SLOT.executionContext] = createContextValue('parent');
  thread[SLOT.sourceDir] = createOwnedValue('source-dir', 'srcdir', 'parent');
  thread[SLOT.mutationSession] = createSessionValue('parent');
  thread[SLOT.activeTenant] = [createOwnedValue('marker', 'tenant', 'parent')];
  return thread;
}

describe('captureInherited', () => {
  it('copies command, permissions, overlay, autonomy, execution context, source dir and session, and nothing else', () => {
    const thread = parentThread();
    const scope = captureInherited(thread, DEFAULT_CAPTURE_SET);
    const copied = SLOT_NAMES.filter((_, slot) => !isSlotEmpty(scope[slot]));
    expect(copied).toEqual([...INHERITED_SLOTS]);
    for (const name of INHERITED_SLOTS) {
      const slot = SLOT_NAMES.indexOf(name);
      expect(scope[slot]).toBe(thread[slot]);
    }
    expect(scope[SLOT.executionPolicy]).toEqual([]);
    expect(scope[SLOT.trustedBridgeDepth]).toBe(0);
  });

  it('leaves a slot out of the scope when it is not in the capture set', () => {
    const scope = captureInherited(parentThread(), [SLOT.executionContext]);
    expect(isSlotEmpty(scope[SLOT.mutationSession])).toBe(true);
    expect(scope[SLOT.executionContext]).toMatchObject({ owner: 'parent' });
  });
});

describe('swapIn', () => {
  it('installs the scope and returns what the thread held, so a second swap restores it', () => {
    const thread = parentThread();
    const before = thread.slice();
    const scope = createEmptySlots();
    scope[SLOT.executionPolicy] = [createPolicyValue('alpha', null)];
    const previous = swapIn(thread, scope, DEFAULT_CAPTURE_SET);
    expect(thread[SLOT.executionPolicy]).toBe(scope[SLOT.executionPolicy]);
    expect(thread[SLOT.activeTenant]).toBe(before[SLOT.activeTenant]);
    expect(previous[SLOT.executionPolicy]).toBe(before[SLOT.executionPolicy]);
    const own = swapIn(thread, previous, DEFAULT_CAPTURE_SET);
    expect(thread).toEqual(before);
    expect(own[SLOT.executionPolicy]).toBe(scope[SLOT.executionPolicy]);
  });
});
