// Where the exploration stands: a progress bar over the schedule budget and the counts (runs, schedules, failing,
// the cost bound being searched), then, once done, the verdict in words with an icon (red never alone).
import type { ExploreProgress, ExploreResult } from '../../../core/explorer/index.ts';
import { countText, progressFraction } from './verdict.ts';

export interface ExplorerProgressProps {
  progress: ExploreProgress | null;
  result: ExploreResult | null;
  running: boolean;
  cancelling: boolean;
}

const ICONS = { ok: '✓', failing: '✖', incomplete: '◌' } as const;

export default function ExplorerProgress({ progress, result, running, cancelling }: ExplorerProgressProps) {
  const counts = result ?? progress;
  const fraction = progress ? progressFraction(progress) : result ? 1 : 0;
  // Worded by core: the same words the CLI's message is made of.
  const verdict = result?.verdict ?? null;
  const state = cancelling ? 'Cancelling…' : running ? (progress ? `Exploring: ${progress.phaseText}` : 'Exploring…') : null;
  return (
    <div className="explorer-progress">
      <progress
        className="explorer-bar"
        aria-label="Exploration progress"
        max={1}
        value={fraction}
        aria-valuetext={progress ? `${progress.runs.toLocaleString('en-US')} of ${progress.maxSchedules.toLocaleString('en-US')} runs` : undefined}
      />
      {counts ? (
        <p className="explorer-counts">
          <span>{progress && !result ? `${counts.runs.toLocaleString('en-US')} of ${countText(progress.maxSchedules, 'run')} budget` : countText(counts.runs, 'run')}</span>
          <span>{countText(counts.schedules, 'schedule')}</span>
          <span className={counts.failing > 0 ? 'explorer-failing-count' : undefined}>{counts.failing.toLocaleString('en-US')} failing</span>
          <span>{counts.boundText}</span>
        </p>
      ) : null}
      <div className="explorer-status" role="status" aria-label="Explorer verdict" aria-live="polite">
        {state ? <p className="explorer-state">{state}</p> : null}
        {verdict ? (
          <p className={`explorer-verdict verdict-${verdict.tone}`}>
            <span aria-hidden="true">{ICONS[verdict.tone]} </span>
            <strong>{verdict.headline}</strong>
            <span className="explorer-coverage"> — {verdict.coverage}</span>
          </p>
        ) : null}
      </div>
    </div>
  );
}
