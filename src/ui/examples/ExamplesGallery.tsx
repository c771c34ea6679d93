// The examples gallery, opened from the header (ExamplesMenu.tsx): Recent work, then each group in its order with
// the entry to start at; a lesson card says what to watch, a challenge card its level and whether it was won
// (progress kept in this browser). Opening one loads its scenario (a lesson at the step that shows its point); the
// work on screen is kept and offered back.
import { useEffect, useRef, useState } from 'react';
import type { GalleryEntry, GalleryGroup } from '../../core/goals/index.ts';
import { useStore } from '../../state/store.ts';
import { readProgress, type Progress } from '../goals/progress.ts';
import { currentScenario, openOver } from '../share/session.ts';
import RecentWork from '../share/RecentWork.tsx';
import { browserSessionEnv } from '../share/startSession.ts';

const WON_TEXT = { won: '✔ won', helped: '✔ won with the solution shown' } as const;

export interface ExamplesGalleryProps {
  /** The gallery's groups, null while the worker is listing them. */
  groups: readonly GalleryGroup[] | null;
  /** Closes the gallery (focus back to its toggle). */
  onClose: () => void;
}

export default function ExamplesGallery({ groups, onClose: close }: ExamplesGalleryProps) {
  // Read at each opening: a challenge won since shows as won.
  const [progress] = useState<Progress>(readProgress);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    (
      panel.current?.querySelector<HTMLButtonElement>('.example-card') ??
      panel.current?.querySelector<HTMLButtonElement>('button')
    )?.focus();
  }, [groups]);
  const choose = (entry: GalleryEntry) => {
    openOver(entry.scenario, currentScenario(useStore.getState()), 'example', useStore, browserSessionEnv());
    close();
  };
  return (
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
                  <button
                    type="button"
                    className={start ? 'example-card example-start' : 'example-card'}
                    aria-describedby={start ? `start-${group.id}` : undefined}
                    onClick={() => choose(entry)}
                  >
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
  );
}
