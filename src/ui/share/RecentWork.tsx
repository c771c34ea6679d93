// Recent work, in the Examples dialog: sessions whose edits something replaced, saves that could not be opened, and
// the sessions other tabs of the page are editing (or were, before they were closed), newest first, each with its
// time and first line; restore one (the work on screen is kept in turn), download it, or discard it.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store.ts';
import type { HistoryEntry } from '../../state/slices/session.ts';
import { useCoreClient } from '../coreClient.ts';
import { downloadEntry } from './download.ts';
import { clockTime } from './format.ts';
import { browserSessionEnv } from './startSession.ts';
import { workOf } from './history.ts';
import { dropEntry, restoreEntry } from './session.ts';
import type { AppState } from '../../state/store.ts';

const REASON = { replaced: 'edits replaced', unreadable: 'could not be read', crashed: 'made the page fail', tab: 'from another tab' } as const;

/** Recent work as listed: stored entries and other tabs' sessions, newest first; a tab's session holding the work on
 * screen, or the same work as a newer entry, is left out (it is already there). */
export function listedWork(state: Pick<AppState, 'history' | 'tabSessions' | 'scenario'>): HistoryEntry[] {
  const seen = new Set([workOf(state.scenario)]);
  return [...state.history, ...state.tabSessions]
    .sort((a, b) => b.savedAt - a.savedAt)
    .filter((entry) => {
      if (entry.reason !== 'tab' || !entry.scenario) return true;
      const work = workOf(entry.scenario);
      if (seen.has(work)) return false;
      seen.add(work);
      return true;
    });
}

export default function RecentWork({ onRestored }: { onRestored: () => void }) {
  const client = useCoreClient();
  const history = useStore(useShallow(listedWork));
  const [error, setError] = useState<string | null>(null);
  if (history.length === 0) return null;
  const env = browserSessionEnv();
  const restore = async (entry: HistoryEntry) => {
    const problem = await restoreEntry(useStore, client, env, entry.id);
    setError(problem);
    if (problem === null) onRestored();
  };
  return (
    <section className="recent-work" aria-labelledby="recent-work-heading">
      <h2 id="recent-work-heading">Recent work</h2>
      {error ? (
        <p className="recent-work-error" role="alert">
          {error}
        </p>
      ) : null}
      <ul>
        {history.map((entry) => (
          <li key={entry.id}>
            <span className="recent-work-time">{clockTime(entry.savedAt)}</span> <span className="recent-work-title">{entry.title}</span>{' '}
            <span className="recent-work-reason">({REASON[entry.reason]})</span>
            <span className="recent-work-actions">
              {entry.scenario ? (
                <button type="button" className="small-button" onClick={() => void restore(entry)} aria-label={`Restore ${entry.title} from ${clockTime(entry.savedAt)}`}>
                  Restore
                </button>
              ) : null}
              <button type="button" className="small-button" onClick={() => downloadEntry(entry)} aria-label={`Download ${entry.title}`}>
                Download
              </button>
              <button type="button" className="small-button" onClick={() => dropEntry(useStore, env, entry.id)} aria-label={`Discard ${entry.title}`}>
                Discard
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
