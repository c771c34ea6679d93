// The start card: one sentence on the bug and three ways in (see the bug in F1, prototype a policy, open the
// examples). Shown by itself to a newcomer only — no saved session, no link — and not again once dismissed, used,
// or once a link has been opened; the header's Help brings it back at any time.
// The card itself is in a chunk of its own (StartCardBody.tsx, issue 30): asked for when this load is a newcomer's
// first, and shown once it is in, so nothing under it moves twice.
import { Suspense, useEffect } from 'react';
import { useStore } from '../../state/store.ts';
import { isLinkFragment } from '../share/earlyLink.ts';
import { hasSavedSession } from '../share/tabs.ts';
import { StartCardBody } from '../shell/panels.ts';

/** Set once the card has been dismissed or used, or a link opened: the card never shows again. */
export const STARTED_KEY = 'harn-scope-lab:started';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function markStarted(): void {
  try {
    storage()?.setItem(STARTED_KEY, '1');
  } catch {
    // Storage full or disabled: the card may show again next time, which is harmless.
  }
}

/** Whether this page load is a newcomer's first (read once per load). A link in the address bar counts as started. */
function isFirstRun(): boolean {
  const store = storage();
  if (isLinkFragment(window.location.hash)) {
    markStarted();
    return false;
  }
  return store !== null && store.getItem(STARTED_KEY) === null && !hasSavedSession(store);
}

export default function StartCard() {
  const shown = useStore((s) => s.startCardOpen);
  const setShown = useStore.getState().setStartCardOpen;
  // Read once per page load: a newcomer sees the card without asking.
  useEffect(() => {
    if (!isFirstRun()) return;
    let live = true;
    void StartCardBody.preload()
      .catch(() => undefined)
      .then(() => live && setShown(true));
    return () => {
      live = false;
    };
  }, [setShown]);
  const done = () => {
    markStarted();
    setShown(false);
  };
  // Opening the examples from the header is a way in too: the card has done its job.
  useEffect(() => {
    if (!shown) return;
    return useStore.subscribe((state, previous) => {
      if (state.examplesOpen && !previous.examplesOpen) {
        markStarted();
        state.setStartCardOpen(false);
      }
    });
  }, [shown]);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <StartCardBody.Panel onDone={done} />
    </Suspense>
  );
}
