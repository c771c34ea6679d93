// The scrub bar: a range over the trace (jump to any step) with core's marks at polls, cross-wires, violations,
// panics and leaks, and core's legend (the marks' counts added up: the same numbers as the summary and the CLI).
import type { LegendEntry, MarkerKind, TraceMarker } from '../../core/scheduler/counts.ts';

export interface ScrubBarProps {
  stepIndex: number;
  stepCount: number;
  markers: readonly TraceMarker[];
  legend: readonly LegendEntry[];
  /** "step 12 of 29": the position in the stepper's own numbering. */
  positionText: string;
  onSeek: (step: number) => void;
}

const ICONS: Record<MarkerKind, string> = { poll: '', crosswire: '✖', violation: '✖', panic: '!', leak: '◆' };

export default function ScrubBar({ stepIndex, stepCount, markers, legend, positionText, onSeek }: ScrubBarProps) {
  const max = Math.max(0, stepCount - 1);
  const at = (step: number) => `${max === 0 ? 0 : (step / max) * 100}%`;
  return (
    <div className="scrub">
      <div className="scrub-track">
        <div className="scrub-markers" aria-hidden="true">
          {markers.map((m, i) => (
            <span key={`${m.kind}-${m.step}-${i}`} className={`scrub-marker scrub-${m.kind}`} style={{ left: at(m.step) }} title={m.label} onClick={() => onSeek(m.step)}>
              {ICONS[m.kind]}
            </span>
          ))}
        </div>
        <input
          type="range"
          className="scrub-range"
          min={0}
          max={max}
          value={Math.min(stepIndex, max)}
          disabled={stepCount === 0}
          aria-label="Trace position"
          aria-valuetext={positionText}
          onChange={(e) => onSeek(Number(e.target.value))}
        />
      </div>
      <p className="scrub-legend">
        {legend.map((entry) => (
          <span key={entry.kind} className={`legend-${entry.kind}`}>
            <span aria-hidden="true">{ICONS[entry.kind]} </span>
            {entry.text}
          </span>
        ))}
      </p>
    </div>
  );
}
