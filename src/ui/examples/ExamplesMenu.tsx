// Header: the examples gallery — a path in three groups (scope lessons, policy lessons, challenges), each in its
// order with the entry to start at; a lesson card says what to watch, a challenge card its level and whether it was
// won (progress kept in this browser). Opening one loads its scenario (a lesson at the step that shows its point);
// the work on screen is kept and offered back.
import { useEffect, useRef, useState } from 'react';
import type { GalleryEntry, GalleryGroup } from '../../core/goals/index.ts';
import { useStore } from '../../state/store.ts';
import { useCoreClient } from '../coreClient.ts';
import { readProgress, type Progress } from '../goals/progress.ts';
import { currentScenario, openOver } from '../share/session.ts';
import RecentWork from '../share/RecentWork.tsx';
import { browserSessionEnv } from '../share/startSession.ts';
import './examples.css';

const WON_TEXT = { won: '✔ won', helped: '✔ won with the solution shown' } as const;

export default function ExamplesMenu() {
  const client = useCoreClient();
  const open = useStore((s) => s.examplesOpen);
  const setOpen = useStore((s) => s.setExamplesOpen);
  const [groups, setGroups] = useState<readonly GalleryGroup[] | null>(null);
  const [progress, setProgress] = useState<Progress>({});
  const panel = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) setProgress(readProgress());
    if (!open || groups) return;
    let live = true;
    client.gallery().then(
      (list) => live && setGroups(list),
      () => live && setGroups([]),
    );
    return () => {
      live = false;
    };
  }, [open, groups, client]);
  useEffect(() => {
    if (open) (panel.current?.querySelector<HTMLButtonElement>('.example-card') ?? panel.current?.querySelector<HTMLButtonElement>('button'))?.focus();
  }, [open, groups]);
  // Closing removes the focused card: focus goes back to the toggle so a keyboard user keeps their place.
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const choose = (entry: GalleryEntry) => {
    openOver(entry.scenario, currentScenario(useStore.getState()), 'example', useStore, browserSessionEnv());
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
          {groups === null ? <p>Loading the examples…</p> : null}
          {(groups ?? []).map((group) => (
            <section key={group.id} className="gallery-group" aria-labelledby={`gallery-${group.id}`}>
              <h2 id={`gallery-${group.id}`}>{group.title}</h2>
              <p className="gallery-intro">{group.intro}</p>
              <ol>
                {group.entries.map((entry, index) => {
                  const won = entry.kind === 'challenge' ? progress[entry.id] : undefined;
                  const start = entry.id === group.startHere;
                  return (
                    <li key={entry.id}>
                      {start ? (
                        <span className="start-here" id={`start-${group.id}`}>
                          Start here
                        </span>
                      ) : null}
                      <button type="button" className={start ? 'example-card example-start' : 'example-card'} aria-describedby={start ? `start-${group.id}` : undefined} onClick={() => choose(entry)}>
                        {/* The order is the list's; the number is for the eye (the card's name stays its title). */}
                        <span className="example-title">
                          <span className="entry-number" aria-hidden="true">
                            {index + 1}.{' '}
                          </span>
                          {entry.title}
                        </span>
                        {entry.level ? (
                          <span className="example-level">
                            {entry.level}
                            {won ? ` · ${WON_TEXT[won]}` : ''}
                          </span>
                        ) : null}
                        <span className="example-explanation">{entry.explanation}</span>
                      </button>
                    </li>
                  );
                })}
              </ol>
            </section>
          ))}
        </div>
      ) : null}
    </span>
  );
}
