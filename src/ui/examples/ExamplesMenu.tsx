// Header: the examples gallery — the lessons, each with its two sentences on what to watch. Opening one
// loads its scenario at the step that shows its point; the work on screen is kept and offered back.
import { useEffect, useRef, useState } from 'react';
import type { Example } from '../../core/examples/index.ts';
import { useStore } from '../../state/store.ts';
import { useCoreClient } from '../coreClient.ts';
import { currentScenario, openOver } from '../share/session.ts';
import RecentWork from '../share/RecentWork.tsx';
import { browserSessionEnv } from '../share/startSession.ts';
import './examples.css';

export default function ExamplesMenu() {
  const client = useCoreClient();
  const open = useStore((s) => s.examplesOpen);
  const setOpen = useStore((s) => s.setExamplesOpen);
  const [examples, setExamples] = useState<readonly Example[] | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open || examples) return;
    let live = true;
    client.examples().then(
      (list) => live && setExamples(list),
      () => live && setExamples([]),
    );
    return () => {
      live = false;
    };
  }, [open, examples, client]);
  useEffect(() => {
    if (open) (panel.current?.querySelector<HTMLButtonElement>('.example-card') ?? panel.current?.querySelector<HTMLButtonElement>('button'))?.focus();
  }, [open, examples]);
  // Closing removes the focused card: focus goes back to the toggle so a keyboard user keeps their place.
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const choose = (example: Example) => {
    openOver(example.scenario, currentScenario(useStore.getState()), 'example', useStore, browserSessionEnv());
    close();
  };
  return (
    <span className="examples">
      <button type="button" className="header-button" ref={toggle} aria-expanded={open} aria-controls="examples-gallery" onClick={() => setOpen(!open)}>
        Examples <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div
          id="examples-gallery"
          className="examples-gallery"
          role="dialog"
          aria-label="Examples"
          ref={panel}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <RecentWork onRestored={close} />
          {examples === null ? <p>Loading the examples…</p> : null}
          <ul>
            {(examples ?? []).map((example) => (
              <li key={example.id}>
                <button type="button" className="example-card" onClick={() => choose(example)}>
                  <span className="example-title">{example.title}</span>
                  <span className="example-explanation">{example.explanation}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </span>
  );
}
