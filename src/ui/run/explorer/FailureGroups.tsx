// What goes wrong, grouped: one entry per kind of failure (the cross-wired slot and its consequence, or a leak)
// with how many schedules show it (of those kept; core's sentence says so when fewer than all failed) and its
// simplest schedule, the lesson's own slot first. Activating one replays that simplest schedule in the stepper.
import { useId } from 'react';
import type { ExploreFailure, FailureGroup } from '../../../core/explorer/index.ts';
import { countText } from './verdict.ts';

export interface FailureGroupsProps {
  groups: readonly FailureGroup[];
  failures: readonly ExploreFailure[];
  /** Core's sentence saying the counts cover only the failing schedules kept, or null when they cover all. */
  cover: string | null;
  replayed: number | null;
  canReplay: boolean;
  /** Replays schedule `index`, landing on the cross-wire of `slot` (null: a leak group, the schedule's end). */
  onReplay: (index: number, slot: string | null) => void;
}

export default function FailureGroups({ groups, failures, cover, replayed, canReplay, onReplay }: FailureGroupsProps) {
  const headingId = useId();
  if (groups.length === 0) return null;
  return (
    <div className="explorer-groups">
      <h4 id={headingId}>What goes wrong</h4>
      {cover ? <p className="muted group-cover">{cover}</p> : null}
      <ul className="group-list" aria-labelledby={headingId}>
        {groups.map((group) => {
          const simplest = failures[group.simplest];
          return (
            <li key={`${group.kind}-${group.slot}`} className="failure-group">
              <button type="button" className="failure-button" disabled={!canReplay} aria-current={group.simplest === replayed ? 'true' : undefined} onClick={() => onReplay(group.simplest, group.kind === 'crosswire' ? group.slot : null)}>
                <span className="failure-head">
                  {/* One flowing sentence (a flex row would set each text run in a column of its own), then the action. */}
                  <span className="failure-what">
                    <span className="crosswire-tag">
                      <span aria-hidden="true">{group.kind === 'leak' ? '◆ ' : '✖ '}</span>
                      {group.kind === 'leak' ? 'leak' : 'cross-wire'}
                    </span>{' '}
                    <code>{group.slot}</code>: {group.title}
                    <span className="group-count">
                      {' '}
                      · {countText(group.count, 'schedule')}
                      {group.cause ? `, ${group.cause}` : ''}
                    </span>
                  </span>
                  <span className="failure-action">{group.simplest === replayed ? 'in the stepper' : 'Replay the simplest ▸'}</span>
                </span>
                <span className="failure-crosswire">{group.consequence}</span>
                {simplest ? <span className="failure-sites">simplest: #{group.simplest + 1}, {simplest.summary}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
