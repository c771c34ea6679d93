// The failing schedules, simplest first (fewest preemptions, plus migrations with several threads, then
// shortest): each with its counts in core's words (ExploreFailure.summary), the schedule described by await sites
// (and, with several threads, its picks: "alpha@2"), its cross-wires (red with an icon and the word) and leaks.
// Activating one replays it in the stepper at its first cross-wire.
import { useId } from 'react';
import type { ExploreFailure } from '../../../core/explorer/index.ts';
import { siteMovedTo, threadPicksText } from './verdict.ts';

export interface FailureListProps {
  failures: readonly ExploreFailure[];
  /** How the list is ordered, in core's words (ExploreVerdict.failuresOrder; the summary above it says how many). */
  order: string;
  replayed: number | null;
  /** Replay is offered only while the result still matches the scenario. */
  canReplay: boolean;
  colorOf: (task: string) => string;
  onReplay: (index: number) => void;
  /** Simulated threads of the explored run (leaks are then on "the threads", not "the outer thread"). */
  threads?: number;
}

export default function FailureList({ failures, order, replayed, canReplay, colorOf, onReplay, threads = 1 }: FailureListProps) {
  const headingId = useId();
  if (failures.length === 0) return null;
  return (
    <div className="explorer-failures">
      <h4>
        <span id={headingId}>Failing schedules</span>{' '}
        <span className="hint">{order}</span>
      </h4>
      <ol className="failure-list" aria-labelledby={headingId}>
        {failures.map((failure, i) => (
          <li key={i} className={i === replayed ? 'failure failure-replayed' : 'failure'}>
            <button type="button" className="failure-button" disabled={!canReplay} aria-current={i === replayed ? 'true' : undefined} onClick={() => onReplay(i)}>
              <span className="failure-head">
                <span className="failure-number">#{i + 1}</span> {failure.summary}
                <span className="failure-action">{i === replayed ? 'in the stepper' : 'Replay in stepper ▸'}</span>
              </span>
              <span className="failure-sites">
                {failure.sites.map((site, k) => (
                  <span key={k} className="failure-site" style={{ '--owner-color': colorOf(site.task) } as React.CSSProperties}>
                    {k > 0 ? (
                      <>
                        <span aria-hidden="true"> → </span>
                        <span className="visually-hidden">, then </span>
                      </>
                    ) : null}
                    <span className="site-task">{site.task}</span>
                    {site.after === null ? ' starts' : ` after ${site.after} ${site.line === null ? '(life cycle)' : `(line ${site.line})`}`}
                    {siteMovedTo(site) !== null ? (
                      <span className="site-move" title={`a migration: ${site.task} moved to thread ${siteMovedTo(site)}`}>
                        {' '}
                        ↪ thread {siteMovedTo(site)}
                      </span>
                    ) : null}
                  </span>
                ))}
                {failure.sites.length < failure.length ? <span aria-hidden="true"> → …</span> : null}
              </span>
              {threadPicksText(failure) !== null ? <span className="failure-picks">picks: {threadPicksText(failure)}</span> : null}
              {failure.crosswires.map((c) => (
                <span key={`${c.step}-${c.slot}`} className="failure-crosswire">
                  <span className="crosswire-tag">
                    <span aria-hidden="true">✖ </span>cross-wire
                  </span>{' '}
                  at step {c.at} (<code>{c.slot}</code>
                  {c.thread !== undefined ? ` · thread ${c.thread} · ${c.cause ?? ''}` : ''}): {c.consequence}
                </span>
              ))}
              {failure.leaks.length > 0 ? (
                <span className="failure-crosswire">
                  <span className="crosswire-tag">
                    <span aria-hidden="true">◆ </span>leak
                  </span>{' '}
                  {threads > 1 ? 'the threads keep' : 'the outer thread keeps'} {failure.leaks.join(', ')}
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
