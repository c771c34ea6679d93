// Stepper behaviour hooks: playback on a timer (pausing at cross-wires), keyboard shortcuts (→ ← space) while the panel has focus, and the
// slot catalog loaded once from the worker.
import { useEffect, useState } from 'react';
import type { SlotInfo } from '../../core/scheduler/catalog.ts';
import { isCrosswireStep, momentAt, sameMoment } from '../../state/slices/runNav.ts';
import { useStore } from '../../state/store.ts';
import type { RunBackend } from './backend.ts';
import { codeMarksAt } from './traceView.ts';

/** While playing, steps forward (by event, or fine steps) `speed` times a second; pauses on each cross-wire so it
 * can be read, and stops at the end of the trace. */
export function usePlayback(): void {
  const playing = useStore((s) => s.playing);
  const speed = useStore((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const { stepIndex, simulation, stepForward, setPlaying } = useStore.getState();
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

/** → steps, ← steps back, space plays or pauses; form fields keep their own keys, a button keeps space, and a
 * focused scroll region (role=region, e.g. the thread-locals table) keeps the arrows and space for scrolling. */
export function onStepperKey(event: React.KeyboardEvent<HTMLElement>): void {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target as HTMLElement;
  if (FORM_FIELDS.has(target.tagName) || target.isContentEditable || target.getAttribute('role') === 'region') return;
  const state = useStore.getState();
  if (event.key === 'ArrowRight') {
    state.setPlaying(false);
    state.stepForward();
  } else if (event.key === 'ArrowLeft') {
    state.setPlaying(false);
    state.stepBack();
  } else if (event.key === ' ' && target.tagName !== 'BUTTON') {
    state.setPlaying(!state.playing);
  } else {
    return;
  }
  event.preventDefault();
}

/** The catalog of the 28 slots (for reasons and default capture); [] until the worker answers. */
export function useSlotCatalog(backend: Pick<RunBackend, 'slotCatalog'>): readonly SlotInfo[] {
  const [catalog, setCatalog] = useState<readonly SlotInfo[]>([]);
  useEffect(() => {
    let live = true;
    backend.slotCatalog().then(
      (slots) => live && setCatalog(slots),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [backend]);
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
