// Ceiling and grant JSON edits: valid text takes effect, invalid text keeps the last valid policy and the typed
// text, and a slow stale validation never overwrites a newer one.
import { beforeEach, describe, expect, it } from 'vitest';
import { effectsFromJson, parseCeiling } from '../../src/core/index.ts';
import { editCeilingForm, editCeilingText, editGrantText } from '../../src/state/policyEdits.ts';
import { resetStore, useStore } from '../../src/state/store.ts';

const backend = { parseCeiling: async (t: string) => parseCeiling(t), effectsFromJson: async (t: string) => effectsFromJson(t) };
const alpha = () => useStore.getState().scenario.children.find((c) => c.name === 'alpha')!;

beforeEach(() => resetStore());

describe('ceiling JSON', () => {
  it('puts a valid ceiling into effect, normalized', async () => {
    await editCeilingText(backend, 'alpha', '{"side_effect_level": "read_only"}');
    expect(alpha().ceiling).toEqual({ capabilities: {}, side_effect_level: 'read_only', tools: [] });
    expect(useStore.getState().ceilingDrafts.get('alpha')?.errors).toEqual([]);
  });

  it('keeps the last valid ceiling and the typed text when the JSON is invalid', async () => {
    const before = alpha().ceiling;
    const typed = '{"capabilities": {"workspace": [1]}';
    await editCeilingText(backend, 'alpha', typed);
    expect(alpha().ceiling).toBe(before);
    const draft = useStore.getState().ceilingDrafts.get('alpha')!;
    expect(draft.text).toBe(typed);
    expect(draft.errors).toHaveLength(1);
  });

  it('reports the field path of a schema error', async () => {
    await editCeilingText(backend, 'alpha', '{"capabilities": {"workspace": [1]}}');
    expect(useStore.getState().ceilingDrafts.get('alpha')!.errors[0]!.path).toBe('capabilities.workspace[0]');
  });

  it('empty text removes the ceiling (unconstrained)', async () => {
    await editCeilingText(backend, 'alpha', '');
    expect(alpha().ceiling).toBeNull();
  });

  it('ignores a stale validation that finishes after a newer one', async () => {
    let releaseSlow!: () => void;
    const slow = new Promise<void>((r) => (releaseSlow = r));
    const racing = {
      parseCeiling: async (t: string) => {
        if (t.includes('read_only')) await slow;
        return parseCeiling(t);
      },
    };
    const older = editCeilingText(racing, 'alpha', '{"side_effect_level": "read_only"}');
    await editCeilingText(racing, 'alpha', '{"side_effect_level": "network"}');
    releaseSlow();
    await older;
    expect(alpha().ceiling?.side_effect_level).toBe('network');
  });

  it('a form edit takes effect and replaces the JSON draft', async () => {
    await editCeilingText(backend, 'alpha', '{ not json');
    editCeilingForm('alpha', null);
    expect(alpha().ceiling).toBeNull();
    expect(useStore.getState().ceilingDrafts.get('alpha')).toBeUndefined();
  });
});

describe('parent grant JSON', () => {
  it('puts a valid serde effect list into effect', async () => {
    await editGrantText(backend, '[{"kind":{"kind":"net"},"scope":"write"}]');
    expect(useStore.getState().scenario.parent.grant).toEqual([{ kind: { kind: 'net' }, scope: 'write' }]);
  });

  it('keeps the last valid grant when the text is invalid', async () => {
    await editGrantText(backend, '[{"kind":{"kind":"net"},"scope":"write"}]');
    await editGrantText(backend, '[{"kind":{"kind":"nett"},"scope":"write"}]');
    expect(useStore.getState().scenario.parent.grant).toEqual([{ kind: { kind: 'net' }, scope: 'write' }]);
    expect(useStore.getState().grantDraft!.errors[0]!.path).toBe('[0].kind.kind');
  });

  it('empty text goes back to the computed effects', async () => {
    await editGrantText(backend, '[]');
    await editGrantText(backend, '  ');
    expect(useStore.getState().scenario.parent.grant).toBeNull();
  });
});
