// Task lanes over time: one row per task, segments for running (its polls), ready, awaiting, done, panicked and
// refused, in the task's colour, with a cursor at the current step, and a legend of the marks. Clicking a lane
// jumps to that step.
import type { LaneSegment, LaneStatus } from './traceView.ts';

export interface TaskLanesProps {
  tasks: readonly { name: string; color: string; status: LaneStatus }[];
  segments: readonly (readonly LaneSegment[])[];
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
const LEGEND: readonly LaneStatus[] = ['running', 'ready', 'awaiting', 'done', 'panicked'];

export default function TaskLanes({ tasks, segments, stepIndex, stepCount, onSeek }: TaskLanesProps) {
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
          </span>
          <div className="lane-track" onClick={seek} aria-hidden="true">
            {(segments[t] ?? [])
              .filter((s) => s.status !== 'unspawned')
              .map((s) => (
                <span key={s.from} className={`lane-seg lane-${s.status}`} style={{ left: pct(s.from), width: pct(s.to - s.from) }} title={`${task.name}: ${STATUS_WORDS[s.status]}, steps ${s.from + 1}–${s.to}`} />
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
        <span>
          <span className="lane-key lane-key-cursor" aria-hidden="true" /> this step
        </span>
      </p>
    </div>
  );
}
