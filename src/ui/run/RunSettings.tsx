// Run settings beside the stepper: the mode and threads in effect (switched in the header), enforce-at-spawn, the
// capture set (reset to the catalog's) and the schedule (FIFO, seeded random, or the picks the chooser made).
import type { RunMode, Schedule } from '../../core/scenario/types.ts';

export interface RunSettingsProps {
  mode: RunMode;
  /** Simulated threads (1: the LocalSet, nothing shown). */
  threads?: number;
  enforceAtSpawn: boolean;
  /** The capture set differs from the catalog's default. */
  customCapture: boolean;
  schedule: Schedule;
  onEnforce: (enforce: boolean) => void;
  onResetCapture: () => void;
  onSchedule: (schedule: Schedule) => void;
}

const MODE_WORDS: Record<RunMode, string> = {
  scoped: 'scoped: each poll swaps the task scope in and out (the fix)',
  unscoped: 'unscoped: all tasks share raw thread-locals (the bug)',
  naive: 'naive: no restore guard, a panicking poll leaks its scope',
};

function scheduleText(schedule: Schedule): string {
  if (schedule.kind === 'fifo') return 'FIFO';
  if (schedule.kind === 'random') return `random (seed ${schedule.seed})`;
  return `picks: ${schedule.picks.join(' → ') || 'none'}, then FIFO`;
}

export default function RunSettings(props: RunSettingsProps) {
  const { schedule } = props;
  return (
    <div className="run-settings">
      <span className={`run-mode-note mode-${props.mode}`}>Mode {MODE_WORDS[props.mode]}</span>
      {props.threads !== undefined && props.threads > 1 ? (
        <span className="run-mode-note">{props.threads} threads: a free thread polls any ready task (work stealing)</span>
      ) : null}
      <label className="run-toggle" title="Refuse at spawn a child whose effects escape the parent grant (HARN-CAP-301)">
        <input type="checkbox" checked={props.enforceAtSpawn} onChange={(e) => props.onEnforce(e.target.checked)} />
        Enforce grant at spawn
      </label>
      {props.customCapture ? (
        <button type="button" className="link-button" onClick={props.onResetCapture}>
          Reset capture set
        </button>
      ) : null}
      <span className="run-schedule">
        Schedule: {scheduleText(schedule)}
        {schedule.kind !== 'fifo' ? (
          <button type="button" className="link-button" onClick={() => props.onSchedule({ kind: 'fifo' })}>
            Use FIFO
          </button>
        ) : null}
      </span>
    </div>
  );
}
