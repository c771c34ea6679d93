// Task lanes over time: one row per task, segments for running (its polls), ready, awaiting, done, panicked and
// refused, in the task's colour, with a cursor at the current step, and a legend of the marks. With several threads
// each poll is labelled with the thread that ran it, and a poll that moved the task (a migration) is marked ↪.
// Clicking a lane jumps to that step.
import type { LaneSegment, LaneStatus } from './traceView.ts';

export interface TaskLanesProps {
  tasks: readonly { name: string; color: string; status: LaneStatus }[];
  segments: readonly (readonly LaneSegment[])[];
  /** Simulated threads of the run (labels and the migration mark only when more than one). */
  threads?: number;
  stepIndex: number;
  stepCount: number;
  onSeek: (step: number) => void;
}

const STATUS_WORDS: Record<LaneStatus, string> = {
  unspawned: 'not spawned',
  running: 'running',
  ready: 'ready',
  awaiting: 'awaiting',
  done: 'done',
  panicked: 'panicked',
  refused: 'refused',
};

/** The lane marks the legend explains, in the order a task meets them. */
const LEGEND: readonly LaneStatus[] = ['running', 'ready', 'awaiting', 'done', 'panicked', 'refused'];

/** A poll segment's hover text: its task, status, thread and migration, and its steps. */
function segmentTitle(task: string, s: LaneSegment): string {
  const on = s.thread === undefined ? '' : ` on thread ${s.thread}`;
  const moved = s.migratedFrom === undefined ? '' : ` (moved from thread ${s.migratedFrom}: a migration)`;
  return `${task}: ${STATUS_WORDS[s.status]}${on}${moved}, steps ${s.from + 1}–${s.to}`;
}

/** For screen readers (the track is hidden from them): the threads a task's polls ran on, and its migrations. */
function threadSummary(segments: readonly LaneSegment[]): string | null {
  const polls = segments.filter((s) => s.thread !== undefined);
  if (polls.length === 0) return null;
  const moved = polls.filter((s) => s.migratedFrom !== undefined).length;
  const threads = polls.map((s) => s.thread).join(', ');
  return `, polled on thread${polls.length === 1 ? '' : 's'} ${threads}${moved > 0 ? ` (${moved} migration${moved === 1 ? '' : 's'})` : ''}`;
}

export default function TaskLanes({ tasks, segments, threads = 1, stepIndex, stepCount, onSeek }: TaskLanesProps) {
  const pct = (n: number) => `${stepCount === 0 ? 0 : (n / stepCount) * 100}%`;
  const seek = (event: React.MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width <= 0) return;
    onSeek(Math.floor(((event.clientX - box.left) / box.width) * stepCount));
  };
  return (
    <div className="lanes" role="group" aria-label="Task lanes">
      {tasks.map((task, t) => (
        <div className="lane" key={task.name} style={{ '--lane-color': task.color } as React.CSSProperties}>
          <span className="lane-name">
            <span className="lane-swatch" aria-hidden="true" />
            {task.name}
            <span className={`lane-status lane-status-${task.status}`}>{STATUS_WORDS[task.status]}</span>
            {threads > 1 ? <span className="visually-hidden">{threadSummary(segments[t] ?? [])}</span> : null}
          </span>
          <div className="lane-track" onClick={seek} aria-hidden="true">
            {(segments[t] ?? [])
              .filter((s) => s.status !== 'unspawned')
              .map((s) => (
                <span
                  key={s.from}
                  className={`lane-seg lane-${s.status}${s.migratedFrom !== undefined ? ' lane-migrated' : ''}`}
                  style={{ left: pct(s.from), width: pct(s.to - s.from) }}
                  title={segmentTitle(task.name, s)}
                >
                  {s.thread !== undefined ? (
                    <span className="lane-thread">
                      {s.migratedFrom !== undefined ? '↪' : ''}
                      {s.thread}
                    </span>
                  ) : null}
                </span>
              ))}
            <span className="lane-cursor" style={{ left: pct(stepIndex + 0.5) }} />
          </div>
        </div>
      ))}
      <p className="lane-legend">
        {LEGEND.map((status) => (
          <span key={status}>
            <span className={`lane-key lane-${status}`} aria-hidden="true" /> {STATUS_WORDS[status]}
          </span>
        ))}
        {threads > 1 ? (
          <>
            <span>
              <span className="lane-key lane-running lane-key-thread" aria-hidden="true">
                2
              </span>{' '}
              the thread that ran the poll
            </span>
            <span>
              <span className="lane-key lane-running lane-key-thread lane-migrated" aria-hidden="true">
                ↪2
              </span>{' '}
              a migration: the task moved to another thread
            </span>
          </>
        ) : null}
        <span>
          <span className="lane-key lane-key-cursor" aria-hidden="true" /> this step
        </span>
      </p>
    </div>
  );
}
