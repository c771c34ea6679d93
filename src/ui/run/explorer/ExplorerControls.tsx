// The explorer's controls: the mode it explores in (the run's mode, switched in the header), pruning on/off, the
// schedule budget, and Explore / Cancel.
import type { RunMode } from '../../../core/scenario/types.ts';
import type { ExplorerSettings } from '../../../state/slices/explorer.ts';

/** Budgets offered, in runs. */
export const SCHEDULE_BUDGETS = [1_000, 10_000, 100_000, 1_000_000] as const;

export interface ExplorerControlsProps {
  mode: RunMode;
  settings: ExplorerSettings;
  running: boolean;
  cancelling: boolean;
  onSettings: (patch: Partial<ExplorerSettings>) => void;
  onExplore: () => void;
  onCancel: () => void;
}

export default function ExplorerControls({ mode, settings, running, cancelling, onSettings, onExplore, onCancel }: ExplorerControlsProps) {
  const budgets: readonly number[] = SCHEDULE_BUDGETS.includes(settings.maxSchedules as (typeof SCHEDULE_BUDGETS)[number])
    ? SCHEDULE_BUDGETS
    : [...SCHEDULE_BUDGETS, settings.maxSchedules].sort((a, b) => a - b);
  return (
    <div className="explorer-controls">
      <button type="button" className="primary" onClick={onExplore} disabled={running}>
        Explore
      </button>
      <button type="button" onClick={onCancel} disabled={!running || cancelling}>
        Cancel
      </button>
      <span className="explorer-mode">
        in <strong>{mode}</strong> mode
      </span>
      <label className="run-toggle" title="Skip schedules that only reorder independent polls (sleep sets)">
        <input type="checkbox" checked={settings.prune} disabled={running} onChange={(e) => onSettings({ prune: e.target.checked })} />
        Prune equivalent schedules
      </label>
      <label className="explorer-budget">
        Budget
        <select value={settings.maxSchedules} disabled={running} onChange={(e) => onSettings({ maxSchedules: Number(e.target.value) })}>
          {budgets.map((b) => (
            <option key={b} value={b}>
              {b.toLocaleString('en-US')} runs
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
