// The start card's content (StartCard.tsx decides when it shows): one sentence on the bug and three ways in (see
// the bug in F1, prototype a policy, open the examples).
import { useStore } from '../../state/store.ts';
import { useCoreClient } from '../coreClient.ts';
import { currentScenario, openOver } from '../share/session.ts';
import { browserSessionEnv } from '../share/startSession.ts';
import './start.css';

export interface StartCardBodyProps {
  /** The card has been used or dismissed: it does not show again. */
  onDone: () => void;
}

export default function StartCardBody({ onDone: done }: StartCardBodyProps) {
  const client = useCoreClient();
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
