// The start card: one sentence on the bug and three ways in (see the bug in F1, prototype a policy, open the
// examples). Shown by itself to a newcomer only — no saved session, no link — and not again once dismissed, used,
// or once a link has been opened; the header's Help brings it back at any time.
import { useEffect } from 'react';
import { useStore } from '../../state/store.ts';
import { useCoreClient } from '../coreClient.ts';
import { currentScenario, openOver } from '../share/session.ts';
import { isLinkFragment } from '../share/earlyLink.ts';
import { browserSessionEnv } from '../share/startSession.ts';
import { hasSavedSession } from '../share/tabs.ts';
import './start.css';

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
  const client = useCoreClient();
  const shown = useStore((s) => s.startCardOpen);
  const setShown = useStore.getState().setStartCardOpen;
  // Read once per page load: a newcomer sees the card without asking.
  useEffect(() => {
    if (isFirstRun()) setShown(true);
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
  const seeTheBug = async () => {
    const f1 = (await client.examples()).find((e) => e.id === 'f1-cwd-env');
    if (f1) openOver(f1.scenario, currentScenario(useStore.getState()), 'example', useStore, browserSessionEnv());
    done();
  };
  const prototype = () => {
    useStore.getState().setLayout('policy');
    done();
  };
  const examples = () => {
    useStore.getState().setExamplesOpen(true);
    done();
  };
  return (
    <section className="start-card" aria-labelledby="start-title">
      <h2 id="start-title">Start here</h2>
      <p>
        Child agents take turns on one thread; unless each task’s ambient scope is swapped in on every poll, a child that resumes after an await reads its sibling’s policy, working
        directory or session — the cross-wiring bug.
      </p>
      <div className="start-actions">
        <button type="button" className="header-button primary-button" onClick={() => void seeTheBug()}>
          See the bug: F1
        </button>
        <button type="button" className="header-button" onClick={prototype}>
          Prototype a policy
        </button>
        <button type="button" className="header-button" onClick={examples}>
          Open the examples
        </button>
        <button type="button" className="small-button start-dismiss" onClick={done} aria-label="Dismiss the start card">
          ×
        </button>
      </div>
    </section>
  );
}
