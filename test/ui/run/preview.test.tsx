// @vitest-environment jsdom
// A link opened at page load (issue 30): the entry hands the link to the worker before React loads (earlyLink.ts),
// the session's boot takes that reply instead of decoding the link again, and the stepper shows the landing step from
// the reply's preview until the whole trace arrives — only for the scenario the preview belongs to.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AMBIENT_THREAD_LOCAL_CATALOG, encodeLink, previewAt, previewLink, simulate } from '../../../src/core/index.ts';
import { resetStore, useStore } from '../../../src/state/store.ts';
import Stepper from '../../../src/ui/run/Stepper.tsx';
import { startEarlyLink, takeEarlyLink } from '../../../src/ui/share/earlyLink.ts';
import { resetSessionBoot, startSession } from '../../../src/ui/share/startSession.ts';
import { startApp } from '../../../src/state/sync/startApp.ts';
import { useRestAfterFirstScreen } from '../../../src/ui/shell/firstScreen.ts';
import type { CoreClient } from '../../../src/worker/client.ts';
import { createFakeBackend, lesson } from './fakeBackend.tsx';

/** A worker client that only answers previewLink (in-process core), counting the calls. */
function fakeClient() {
  const previewCalls: string[] = [];
  const client = { previewLink: async (hash: string) => (previewCalls.push(hash), previewLink(hash)) } as unknown as CoreClient;
  return { client, previewCalls };
}

/** A page opened on lesson `id`'s link: the entry has handed it to a worker that answers previewLink; the rest of
 * the worker is the fake backend, and the page's surfaces a test environment. */
function openedLink(id: string) {
  const { client } = fakeClient();
  const hash = encodeLink(lesson(id));
  startEarlyLink({ hash, search: '' }, () => client);
  const env = { storage: localStorage, location: { hash, origin: 'http://lab.test', pathname: '/', search: '' }, clearHash: () => undefined, now: () => 0 };
  return { backend: createFakeBackend(), env };
}

beforeEach(() => {
  resetStore();
  resetSessionBoot();
  localStorage.clear();
  takeEarlyLink(window.location.hash); // nothing left over from another test
});

describe('the early link', () => {
  it('starts the worker, and with a link asks for its preview once; the reply is taken once', async () => {
    const { client, previewCalls } = fakeClient();
    const started = vi.fn(() => client);
    const hash = encodeLink(lesson('f1-cwd-env'));
    startEarlyLink({ hash, search: '' }, started);
    expect(started).toHaveBeenCalledTimes(1);
    expect(previewCalls).toEqual([hash]);
    expect(takeEarlyLink('#s=1.other')).toBeNull();
    const reply = takeEarlyLink(hash);
    expect((await reply!).decoded.value?.parent.source).toBe(lesson('f1-cwd-env').parent.source);
    expect(takeEarlyLink(hash)).toBeNull();
  });

  it('starts the worker but asks for nothing without a link, or for an embed (which reads its own link)', () => {
    const { client, previewCalls } = fakeClient();
    const started = vi.fn(() => client);
    startEarlyLink({ hash: '', search: '' }, started);
    startEarlyLink({ hash: encodeLink(lesson('f1-cwd-env')), search: '?embed' }, started);
    expect(started).toHaveBeenCalledTimes(2);
    expect(previewCalls).toEqual([]);
  });

  it("the boot opens the link from the early reply, never decoding it again, with the preview for the stepper", async () => {
    const { backend, env } = openedLink('f2-mutation-session');
    const stop = startSession(backend, env);
    await waitFor(() => expect(useStore.getState().sessionReady).toBe(true));
    stop();
    expect(backend.calls).not.toContain('decodeLink');
    const state = useStore.getState();
    expect(state.scenario.parent.source).toBe(lesson('f2-mutation-session').parent.source);
    expect(state.preview?.scenario).toBe(state.scenario);
  });
});

describe('the stepper before the whole trace', () => {
  it("shows the preview's landing sentence, position and register file, and the controls there but disabled", () => {
    const scenario = lesson('f1-cwd-env');
    const whole = simulate(scenario);
    const preview = previewAt(whole, scenario.view.step, AMBIENT_THREAD_LOCAL_CATALOG)!;
    act(() => {
      useStore.getState().loadScenario(scenario);
      useStore.getState().setPreview({ scenario: useStore.getState().scenario, preview });
    });
    render(<Stepper catalog={[]} />);
    const landing = whole.steps[scenario.view.step]!;
    expect(document.querySelector('.narration-text')).toHaveTextContent(landing.narration);
    expect(screen.getByText(new RegExp(`^Step ${preview.position.at} of ${preview.position.of} · loading the whole trace`))).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Thread-locals' })).toBeInTheDocument();
    // The full stepper's controls and scrub bar hold their places (the sentence does not move when the trace
    // arrives), and none of them acts before it has.
    const controls = within(screen.getByRole('toolbar', { name: 'Stepper' }));
    for (const button of controls.getAllByRole('button')) expect(button).toBeDisabled();
    expect(controls.getByRole('checkbox', { name: 'Fine steps' })).toBeDisabled();
    expect(controls.getByRole('combobox', { name: 'Speed' })).toBeDisabled();
    expect(controls.getByLabelText('Position')).toHaveTextContent(`step ${preview.position.at} / ${preview.position.of}`);
    expect(screen.getByRole('slider', { name: 'Trace position' })).toBeDisabled();
  });

  it("ignores a preview of another scenario, and drops it when the trace arrives", () => {
    const scenario = lesson('f1-cwd-env');
    const whole = simulate(scenario);
    const preview = previewAt(whole, scenario.view.step)!;
    act(() => {
      useStore.getState().setPreview({ scenario, preview });
      useStore.getState().loadScenario({ ...scenario });
    });
    render(<Stepper catalog={[]} />);
    expect(screen.getByText('Simulating…')).toBeInTheDocument();
    act(() => {
      useStore.getState().setPreview({ scenario: useStore.getState().scenario, preview });
      const id = useStore.getState().beginSimulation();
      useStore.getState().receiveSimulation(id, whole);
    });
    expect(useStore.getState().preview).toBeNull();
    expect(screen.getByRole('button', { name: 'Step' })).toBeInTheDocument();
  });
});

describe("a link's first screen", () => {
  /** Shows whether the rest of the page (the editor and ledger columns) is rendered. */
  function RestProbe() {
    return <p data-testid="rest">{useRestAfterFirstScreen() ? 'rest' : 'first screen'}</p>;
  }

  it('renders the rest of the page once the screen with the preview has been painted, and at once without one', async () => {
    const scenario = lesson('f1-cwd-env');
    const preview = previewAt(simulate(scenario), scenario.view.step)!;
    act(() => {
      useStore.getState().loadScenario(scenario);
      useStore.getState().setPreview({ scenario: useStore.getState().scenario, preview });
    });
    const first = render(<RestProbe />);
    expect(screen.getByTestId('rest')).toHaveTextContent('first screen');
    await waitFor(() => expect(screen.getByTestId('rest')).toHaveTextContent('rest'));
    first.unmount();
    act(() => useStore.getState().setPreview(null));
    render(<RestProbe />);
    expect(screen.getByTestId('rest')).toHaveTextContent('rest');
  });

  it("starts the sync loops after the link's first screen, not in the same task as its session", async () => {
    const { backend, env } = openedLink('f1-cwd-env');
    // The analysis and catalog loops' requests are left unanswered: this test follows the trace's.
    const pending = () => new Promise<never>(() => undefined);
    const stop = startApp({ ...backend, analyzeScenario: pending, scenarioCatalogView: pending }, { env });
    // Read once the task that made the session ready has run its promise callbacks: no frame has been painted since.
    let askedWhenReady: boolean | null = null;
    let seen = false;
    const unsubscribe = useStore.subscribe((state) => {
      if (!state.sessionReady || seen) return;
      seen = true;
      queueMicrotask(() => void Promise.resolve().then(() => (askedWhenReady = backend.calls.includes('simulate'))));
    });
    await waitFor(() => expect(backend.calls).toContain('simulate'));
    unsubscribe();
    stop();
    expect(askedWhenReady).toBe(false);
    expect(useStore.getState().scenario.parent.source).toBe(lesson('f1-cwd-env').parent.source);
  });
});
