// @vitest-environment jsdom
// The policy column against a seeded store: the effects ledger's four sections, "effects unknown" for a child
// that does not parse, call-site links that ask the editor to reveal, and the ceiling form and JSON views.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLineIndex, type Place } from '../../../src/core/index.ts';
import { resetStore, useStore } from '../../../src/state/store.ts';
import PolicyColumn from '../../../src/ui/ledger/PolicyColumn.tsx';
import { seedAnalysis } from '../seedAnalysis.ts';

vi.mock('../../../src/worker/client.ts', async () => {
  const { fakeBackend: backend } = await import('../fakeBackend.ts');
  return { getCoreClient: () => backend };
});

/** The text a reveal request selects in `source`. */
function revealed(source: string): string {
  const { at } = useStore.getState().revealRequest!;
  const lines = createLineIndex(source);
  const place = at as Place;
  return source.slice(lines.offset(place.line, place.column), lines.offset(place.endLine, place.endColumn));
}

beforeEach(() => {
  resetStore();
});

describe('effects ledger', () => {
  it('lists requested, granted and violations with the reason and the nearest parent record', () => {
    act(() => {
      useStore.getState().selectTab('beta');
      seedAnalysis();
    });
    render(<PolicyColumn />);
    const violations = screen.getByRole('region', { name: /Violations \(HARN-CAP-301\)/ });
    const rows = within(violations).getAllByRole('listitem');
    expect(rows.map((r) => within(r).getByText(/^(fs|net):/, { selector: 'code' }).textContent)).toEqual(['fs:write (page.txt)', 'net:write (https://example.com)']);
    expect(rows[0]).toHaveTextContent('the nearest parent record fs:write (summary.txt) is limited to resource');
    // Said once: the reason names the nearest record, and nothing beside it repeats it.
    expect(rows[0]!.textContent!.split('fs:write (summary.txt)')).toHaveLength(2);
    expect(within(screen.getByRole('region', { name: /Requested/ })).getAllByRole('listitem')).toHaveLength(2);
  });

  it('shows the drop rule and reason for an effect the ceiling removes', () => {
    act(() => {
      useStore.getState().selectTab('alpha');
      useStore.getState().setCeiling('alpha', { capabilities: {}, side_effect_level: 'read_only', tools: [] });
      seedAnalysis();
    });
    render(<PolicyColumn />);
    const dropped = screen.getByRole('region', { name: /Dropped by the ceiling/ });
    expect(dropped).toHaveTextContent("side-effect level: side_effect_level workspace_write exceeds the ceiling's read_only");
  });

  it('says "effects unknown" for a child that does not parse, never an empty list', () => {
    act(() => {
      useStore.getState().selectTab('alpha');
      useStore.getState().setSource('alpha', 'pipeline main( {');
      seedAnalysis();
    });
    render(<PolicyColumn />);
    expect(screen.getByRole('status')).toHaveTextContent('Effects unknown: the child does not parse.');
    expect(screen.queryByRole('region', { name: /Granted/ })).toBeNull();
  });

  it('a call-site link asks the editor to reveal that call', async () => {
    act(() => {
      useStore.getState().selectTab('beta');
      seedAnalysis();
    });
    render(<PolicyColumn />);
    await userEvent.click(screen.getAllByRole('button', { name: /Show net:write \(https:\/\/example\.com\) at line 3/ })[0]!);
    expect(useStore.getState().revealRequest!.tab).toBe('beta');
    expect(revealed(useStore.getState().scenario.children[1]!.source)).toMatch(/^http_get\(/);
  });

  it('after an edit, a row shows its calls at their new lines, and a row whose calls kept their place reveals the latest span', async () => {
    act(() => {
      useStore.getState().selectTab('beta');
      seedAnalysis();
    });
    render(<PolicyColumn />);
    const requested = () => screen.getByRole('region', { name: /Requested/ });
    const before = within(requested()).getAllByRole('button').map((b) => b.textContent);
    const source = useStore.getState().scenario.children[1]!.source;
    // Characters added at the end of the first line shift every later offset but no line:column.
    const firstLineEnd = source.indexOf('\n');
    act(() => {
      useStore.getState().setSource('beta', `${source.slice(0, firstLineEnd)} ${source.slice(firstLineEnd)}`);
      seedAnalysis();
    });
    expect(within(requested()).getAllByRole('button').map((b) => b.textContent)).toEqual(before);
    await userEvent.click(screen.getAllByRole('button', { name: /Show net:write \(https:\/\/example\.com\) at line 3/ })[0]!);
    const edited = useStore.getState().scenario.children[1]!.source;
    expect(revealed(edited)).toMatch(/^http_get\(/);
    // A line inserted above moves every call one line down.
    act(() => {
      useStore.getState().setSource('beta', `\n${edited}`);
      seedAnalysis();
    });
    const moved = within(requested()).getAllByRole('button').map((b) => b.textContent);
    const down = (label: string) => label.replace(/line (\d+)/, (_, n: string) => `line ${Number(n) + 1}`).replace(/L(\d+):/, (_, n: string) => `L${Number(n) + 1}:`);
    expect(moved).toEqual(before.map((label) => down(label!)));
  });
  it('a new effect placed among the rows leaves every row showing its own calls', () => {
    act(() => {
      useStore.getState().selectTab('beta');
      seedAnalysis();
    });
    const view = render(<PolicyColumn />);
    const labels = () => within(screen.getByRole('region', { name: /Requested/ })).getAllByRole('listitem').map((li) => li.textContent);
    const before = labels();
    const source = useStore.getState().scenario.children[1]!.source;
    // A call on a new first line of the pipeline: its effect sorts among the others and later calls move down a line.
    const bodyStart = source.indexOf('{\n') + 1;
    act(() => {
      useStore.getState().setSource('beta', `${source.slice(0, bodyStart)}\n  println("first")${source.slice(bodyStart)}`);
      seedAnalysis();
    });
    const after = labels();
    expect(after).toHaveLength(before.length + 1);
    // The same rows as a fresh render of the same analysis.
    view.unmount();
    render(<PolicyColumn />);
    expect(labels()).toEqual(after);
    expect(after.some((label) => label?.startsWith('→stdio:observe'))).toBe(true);
  });
});

describe('ceiling editor', () => {
  it('the form sets the side-effect level and the ledger input changes', async () => {
    act(() => useStore.getState().selectTab('beta'));
    render(<PolicyColumn />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Constrain beta with a ceiling' }));
    await waitFor(() => expect(screen.getByRole('option', { name: 'read_only' })).toBeInTheDocument());
    await userEvent.selectOptions(screen.getByLabelText('Side-effect level (highest allowed)'), 'read_only');
    expect(useStore.getState().scenario.children[1]!.ceiling).toEqual({ capabilities: {}, side_effect_level: 'read_only', tools: [] });
  });

  it('invalid JSON shows the error, keeps what was typed, and the policy in effect does not change', async () => {
    act(() => {
      useStore.getState().selectTab('alpha');
      useStore.getState().setCeilingView('json');
    });
    const before = useStore.getState().scenario.children[0]!.ceiling;
    render(<PolicyColumn />);
    const box = screen.getByLabelText<HTMLTextAreaElement>(/Ceiling JSON/);
    // Typing over the whole text (select all, then type) never passes through the empty text.
    await userEvent.type(box, '{{"side_effect_level": 3}', { initialSelectionStart: 0, initialSelectionEnd: box.value.length });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The last valid ceiling stays in effect'));
    expect(box).toHaveValue('{"side_effect_level": 3}');
    expect(useStore.getState().scenario.children[0]!.ceiling).toBe(before);
  });
});
