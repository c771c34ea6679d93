// The scrub bar: a range over the trace (jump to any step) with markers at polls, cross-wires, panics and leaks.
import type { Marker } from './traceView.ts';

export interface ScrubBarProps {
  stepIndex: number;
  stepCount: number;
  markers: readonly Marker[];
  onSeek: (step: number) => void;
}

const MARKER_WORDS: Record<Marker['kind'], string> = { poll: 'poll', crosswire: 'cross-wire', panic: 'panic', leak: 'leak' };
const MARKER_ICONS: Record<Marker['kind'], string> = { poll: '', crosswire: '✖', panic: '!', leak: '◆' };

export default function ScrubBar({ stepIndex, stepCount, markers, onSeek }: ScrubBarProps) {
  const max = Math.max(0, stepCount - 1);
  const at = (step: number) => `${max === 0 ? 0 : (step / max) * 100}%`;
  const counts = { crosswire: 0, panic: 0, leak: 0 };
  for (const m of markers) if (m.kind !== 'poll') counts[m.kind]++;
  return (
    <div className="scrub">
      <div className="scrub-track">
        <div className="scrub-markers" aria-hidden="true">
          {markers.map((m) => (
            <span
              key={`${m.kind}-${m.step}`}
              className={`scrub-marker scrub-${m.kind}`}
              style={{ left: at(m.step) }}
              title={`${MARKER_WORDS[m.kind]} at step ${m.step + 1}`}
              onClick={() => onSeek(m.step)}
            >
              {MARKER_ICONS[m.kind]}
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
          aria-valuetext={`step ${stepIndex + 1} of ${stepCount}`}
          onChange={(e) => onSeek(Number(e.target.value))}
        />
      </div>
      <p className="scrub-legend">
        <span className="legend-crosswire">
          <span aria-hidden="true">✖ </span>
          {counts.crosswire} cross-wire{counts.crosswire === 1 ? '' : 's'}
        </span>
        <span className="legend-panic">
          <span aria-hidden="true">! </span>
          {counts.panic} panic{counts.panic === 1 ? '' : 's'}
        </span>
        <span className="legend-leak">
          <span aria-hidden="true">◆ </span>
          {counts.leak} leak{counts.leak === 1 ? '' : 's'}
        </span>
      </p>
    </div>
  );
}
