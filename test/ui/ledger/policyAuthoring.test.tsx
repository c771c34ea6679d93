// @vitest-environment jsdom
// Issue 29 in the page: "Tighten to what it uses" and "Grant what the children need" show, before anything is
// applied, the very policy `harn-scope suggest --tighten` prints; Apply puts it into effect as one edit that Undo
// takes back; the ledger's "Add to the grant" removes the violation; Show as JSON/Harn never replaces an invalid
// draft and adds no serde defaults.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadScenario } from '../../../src/core/index.ts';
import type { Scenario } from '../../../src/core/scenario/types.ts';
import { dismissPolicyNotice } from '../../../src/state/policyApply.ts';
import { usePinStore } from '../../../src/ui/ledger/pinnedPolicy.ts';
import { resetStore, useStore } from '../../../src/state/store.ts';
import PolicyColumn from '../../../src/ui/ledger/PolicyColumn.tsx';
import { cliIn } from '../../helpers/cli.ts';
import { seedAnalysis } from '../seedAnalysis.ts';

vi.mock('../../../src/worker/client.ts', async () => {
  const { fakeBackend: backend } = await import('../fakeBackend.ts');
  return { getCoreClient: () => backend };
});

const repo = resolve(import.meta.dirname, '../../..');
const cli = cliIn(repo);

function open(example: string, tab: string): void {
  const loaded = loadScenario(JSON.parse(readFileSync(resolve(repo, 'examples', example), 'utf8')));
  act(() => {
    useStore.getState().loadScenario(loaded.value as Scenario);
    useStore.getState().selectTab(tab);
    seedAnalysis();
  });
}

const proposedText = async () => JSON.parse((await screen.findByLabelText('Proposed policy')).textContent ?? '') as unknown;

beforeEach(() => {
  resetStore();
  dismissPolicyNotice();
  usePinStore.getState().unpin();
});

describe('suggested policies in the page', () => {
  for (const example of ['resource-mismatch.json', 'escalation.json']) {
    it(`${example}: each child's "Tighten to what it uses" and the parent's "Grant what the children need" show what suggest --tighten prints`, async () => {
      const printed = JSON.parse((await cli('suggest', `examples/${example}`, '--tighten', '--json')).stdout) as { grant: unknown[]; ceilings: Record<string, unknown> };
      open(example, useStore.getState().scenario.parent.name);
      const children = useStore.getState().scenario.children.map((c) => c.name);
      for (const child of children) {
        act(() => useStore.getState().selectTab(child));
        const { unmount } = render(<PolicyColumn />);
        await userEvent.click(screen.getByRole('button', { name: 'Tighten to what it uses' }));
        expect(await proposedText(), child).toEqual(printed.ceilings[child]);
        unmount();
      }
      act(() => useStore.getState().selectTab(useStore.getState().scenario.parent.name));
      render(<PolicyColumn />);
      await userEvent.click(screen.getByRole('button', { name: 'Grant what the children need' }));
      expect(await proposedText()).toEqual(printed.grant);
    });
  }

  it('shows the grant as a diff first; Apply is one edit that removes the violation, and Undo takes it back whole', async () => {
    open('resource-mismatch.json', 'main');
    const parent = useStore.getState().scenario.parent.name;
    act(() => useStore.getState().selectTab(parent));
    const before = useStore.getState().scenario.parent.grant;
    render(<PolicyColumn />);
    await userEvent.click(screen.getByRole('button', { name: 'Grant what the children need' }));
    const panel = await screen.findByRole('region', { name: 'Suggested parent grant' });
    expect(panel).toHaveTextContent('Newly allowed (1)+ fs:write (.env)');
    expect(useStore.getState().scenario.parent.grant).toBe(before); // nothing applied yet
    await userEvent.click(within(panel).getByRole('button', { name: 'Apply' }));
    expect(useStore.getState().scenario.parent.grant).toEqual([
      { kind: { kind: 'fs' }, scope: 'write', resource: '.env' },
      { kind: { kind: 'fs' }, scope: 'write', resource: 'notes.md' },
    ]);
    act(() => seedAnalysis());
    expect(useStore.getState().analysis!.children.flatMap((c) => c.violations)).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(useStore.getState().scenario.parent.grant).toBe(before);
    expect(screen.getByText('Undone: applied the suggested parent grant.')).toBeDefined();
  });

  it('a suggestion shown while the policies change is recomputed before it can be applied', async () => {
    open('resource-mismatch.json', 'alpha');
    render(<PolicyColumn />);
    await userEvent.click(screen.getByRole('button', { name: 'Tighten to what it uses' }));
    await screen.findByLabelText('Proposed policy');
    act(() => useStore.getState().setCeiling('alpha', { tools: [], capabilities: {}, side_effect_level: 'none' }));
    // Now alpha is granted nothing: the suggestion follows (keeps no effect), never the one computed before.
    await waitFor(() => expect(screen.getByRole('region', { name: "Suggested alpha's ceiling" })).toHaveTextContent('No change'));
  });
});

describe("the parent's tab", () => {
  it('has Compare policies too: pin, change the grant, and each child\'s changed decisions show', async () => {
    open('resource-mismatch.json', 'main');
    act(() => useStore.getState().selectTab(useStore.getState().scenario.parent.name));
    render(<PolicyColumn />);
    const panel = screen.getByRole('region', { name: 'Compare policies' });
    await userEvent.click(within(panel).getByRole('button', { name: 'Pin current policies' }));
    act(() => {
      useStore.getState().setGrant([]);
      seedAnalysis();
    });
    expect(screen.getByRole('region', { name: 'Compare policies' })).toHaveTextContent('alphanewly escaping: fs:write (notes.md)');
  });
});

describe('fixes from the ledger', () => {
  it('"Add to the grant" on a violation adds its record as one undoable edit, and the violation is gone', async () => {
    open('resource-mismatch.json', 'beta');
    render(<PolicyColumn />);
    await userEvent.click(screen.getByRole('button', { name: 'Add to the grant: fs:write (.env)' }));
    await waitFor(() => expect(screen.getByText('Added fs:write (.env) to the parent grant.')).toBeDefined());
    act(() => seedAnalysis());
    expect(useStore.getState().analysis!.children.flatMap((c) => c.violations.map((v) => v.summary))).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    act(() => seedAnalysis());
    expect(useStore.getState().analysis!.children.flatMap((c) => c.violations.map((v) => v.summary))).toEqual(['fs:write (.env)']);
  });
});

describe('Show as JSON / Show as Harn', () => {
  it('adds no serde defaults, and never replaces a draft with errors (it says why)', async () => {
    open('resource-mismatch.json', 'alpha');
    act(() => {
      useStore.getState().setCeiling('alpha', { tools: [], capabilities: { workspace: ['write_text'] }, side_effect_level: null });
      useStore.getState().setCeilingView('json');
      seedAnalysis();
    });
    render(<PolicyColumn />);
    const box = screen.getByRole('textbox', { name: /Ceiling JSON or Harn dict literal/ });
    await userEvent.click(screen.getByRole('button', { name: 'Show as Harn' }));
    await waitFor(() => expect(box).toHaveValue('capability_policy: {capabilities: {workspace: ["write_text"]}}'));
    await userEvent.click(screen.getByRole('button', { name: 'Show as JSON' }));
    await waitFor(() => expect(box).toHaveValue('{\n  "capabilities": {\n    "workspace": [\n      "write_text"\n    ]\n  }\n}'));
    await userEvent.clear(box);
    await userEvent.type(box, '{{"capabilities": ');
    await waitFor(() => expect(box).toHaveAttribute('aria-invalid', 'true'));
    await userEvent.click(screen.getByRole('button', { name: 'Show as Harn' }));
    expect(await screen.findByText(/Your text has an error \(listed below\), so it is kept as you typed it, not replaced/)).toBeDefined();
    expect(box).toHaveValue('{"capabilities": ');
  });

  it('accepts a capability_policy line pasted as it stands in harn code (trailing comma)', async () => {
    open('resource-mismatch.json', 'alpha');
    act(() => useStore.getState().setCeilingView('json'));
    render(<PolicyColumn />);
    const box = screen.getByRole('textbox', { name: /Ceiling JSON or Harn dict literal/ });
    await userEvent.click(box);
    await userEvent.paste('capability_policy: {capabilities: {workspace: ["read_text"]}, side_effect_level: "read_only"},');
    await waitFor(() => expect(useStore.getState().scenario.children[0]!.ceiling).toEqual({ tools: [], capabilities: { workspace: ['read_text'] }, side_effect_level: 'read_only' }));
    expect(box).toHaveAttribute('aria-invalid', 'false');
  });
});
