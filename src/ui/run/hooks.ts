// Stepper behaviour hooks: playback on a timer (pausing at cross-wires), the stepper's keyboard shortcuts (→ ← Home
// End space, wherever focus is but a text field or the editor), the editor following the run, and the slot catalog
// loaded once from the worker.
import { useEffect, useState } from 'react';
import type { SlotInfo } from '../../core/scheduler/catalog.ts';
import { isCrosswireStep, momentAt, sameMoment } from '../../state/runNav.ts';
import { awaitingMoment } from '../../state/slices/run.ts';
import { useStore } from '../../state/store.ts';
import type { CoreClient } from '../../worker/client.ts';
import { codeMarksAt } from './traceView.ts';

/** While playing, steps forward (by event, or fine steps) `speed` times a second; pauses on each cross-wire so it
 * can be read, and stops at the end of the trace. */
export function usePlayback(): void {
  const playing = useStore((s) => s.playing);
  const speed = useStore((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const state = useStore.getState();
      const { stepIndex, simulation, stepForward, setPlaying } = state;
      // A run-setting change's trace is on its way: wait for it (each tick would re-aim it, and it would never land).
      if (awaitingMoment(state)) return;
      const last = (simulation?.steps.length ?? 1) - 1;
      if (stepIndex >= last) {
        setPlaying(false);
        return;
      }
      stepForward();
      const now = useStore.getState();
      if (now.simulation && isCrosswireStep(now.simulation, now.stepIndex)) setPlaying(false);
    }, 1000 / speed);
    return () => clearInterval(timer);
  }, [playing, speed]);
}

const FORM_FIELDS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/** Whether keys typed at `target` belong to it: a form field, editable text, the Monaco editor, or a focused scroll
 * region (role=region, e.g. the thread-locals table, which keeps the arrows and space for scrolling). */
export function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return FORM_FIELDS.has(target.tagName) || target.isContentEditable || target.closest('.monaco-editor') !== null || target.getAttribute('role') === 'region';
}

/** The stepper's keys, wherever focus is unless it is in a text field or the editor: → steps, ← steps back, Home
 * and End go to the first and last step, space plays or pauses (a focused button or link keeps space). Returns
 * whether the key was used. */
export function onStepperKey(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'target' | 'preventDefault'>): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || ownsKeys(event.target)) return false;
  const target = event.target as HTMLElement | null;
  const state = useStore.getState();
  const last = (state.simulation?.steps.length ?? 1) - 1;
  if (event.key === 'ArrowRight') state.stepForward();
  else if (event.key === 'ArrowLeft') state.stepBack();
  else if (event.key === 'Home') state.setStep(0);
  else if (event.key === 'End') state.setStep(last);
  else if (event.key === ' ' && target?.tagName !== 'BUTTON' && target?.tagName !== 'A') {
    state.setPlaying(!state.playing);
    event.preventDefault();
    return true;
  } else return false;
  state.setPlaying(false);
  event.preventDefault();
  return true;
}

/** The catalog of the 28 slots (for reasons and default capture); [] until the worker answers. */
export function useSlotCatalog(client: Pick<CoreClient, 'slotCatalog'>): readonly SlotInfo[] {
  const [catalog, setCatalog] = useState<readonly SlotInfo[]>([]);
  useEffect(() => {
    let live = true;
    client.slotCatalog().then(
      (slots) => live && setCatalog(slots),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);
  return catalog;
}

/** The editor follows the run: when the stepper moves, or a new trace puts another task at the current moment, the
 * running task's tab is shown. A tab the user picks stays until the stepper next moves (a trace arriving after the
 * click does not take it away); a re-run that lands on the same moment is not a move. */
export function useFollowRun(): void {
  useEffect(() => {
    let picked = false;
    let followed: string | null = null;
    return useStore.subscribe((state, previous) => {
      // A tab chosen by hand (not by us, not by loading a scenario) holds until the user steps.
      if (state.selectedTab !== previous.selectedTab && state.selectedTab !== followed && state.scenario === previous.scenario) picked = true;
      if (!state.simulation || (state.stepIndex === previous.stepIndex && state.simulation === previous.simulation)) return;
      if (state.simulation === previous.simulation) picked = false;
      if (picked) return;
      const { running } = codeMarksAt(state.simulation, state.stepIndex);
      const before = previous.simulation ? codeMarksAt(previous.simulation, previous.stepIndex).running : null;
      const moved = running !== before || !sameMoment(momentAt(state.simulation, state.stepIndex), momentAt(previous.simulation, previous.stepIndex));
      if (moved && running !== null && running !== state.selectedTab) {
        followed = running;
        state.selectTab(running);
      }
    });
  }, []);
}
