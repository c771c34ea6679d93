// The scrub bar: a range over the trace (jump to any step) with markers at polls, cross-wires, panics and leaks.
// Cross-wire, panic and leak markers are buttons named by what happens there; markers of a kind that would overlap
// on the bar merge into one with a count, which seeks to the first of them.
import { useLayoutEffect, useRef, useState } from 'react';
import { groupMarkers, type Marker, type MarkerGroup } from './traceView.ts';

export interface ScrubBarProps {
  stepIndex: number;
  stepCount: number;
  markers: readonly Marker[];
  onSeek: (step: number) => void;
}

const MARKER_WORDS: Record<Marker['kind'], [one: string, many: string]> = {
  poll: ['poll', 'polls'],
  crosswire: ['cross-wire', 'cross-wires'],
  panic: ['panic', 'panics'],
  leak: ['leak', 'leaks'],
};
const MARKER_ICONS: Record<Marker['kind'], string> = { poll: '', crosswire: '✖', panic: '!', leak: '◆' };
/** Markers closer than this on screen merge (a marker glyph is about 8 px wide; a pointer needs a little more). */
const MERGE_PX = 14;
/** The bar's width before it has been measured (the run column at 1440 px). */
const DEFAULT_TRACK_PX = 600;

/** "cross-wire at step 12, alpha reads VM_EXECUTION_CONTEXT", or for a merged marker the count, the steps and the first. */
export function markerGroupName(group: MarkerGroup): string {
  const [one, many] = MARKER_WORDS[group.kind];
  const first = group.markers[0]!;
  const last = group.markers[group.markers.length - 1]!;
  if (group.markers.length === 1) return `${one} at step ${first.step + 1}, ${first.what}`;
  return `${group.markers.length} ${many} at steps ${first.step + 1} to ${last.step + 1}; the first: ${first.what}`;
}

function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(DEFAULT_TRACK_PX);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth || DEFAULT_TRACK_PX));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export default function ScrubBar({ stepIndex, stepCount, markers, onSeek }: ScrubBarProps) {
  const [track, width] = useWidth<HTMLDivElement>();
  const max = Math.max(0, stepCount - 1);
  const at = (step: number) => `${max === 0 ? 0 : (step / max) * 100}%`;
  const gap = max === 0 ? 0 : (MERGE_PX / Math.max(1, width)) * max;
  const groups = groupMarkers(markers, gap);
  const counts = { crosswire: 0, panic: 0, leak: 0 };
  for (const m of markers) if (m.kind !== 'poll') counts[m.kind]++;
  return (
    <div className="scrub">
      <div className="scrub-track" ref={track}>
        <div className="scrub-markers">
          {markers.map((m) =>
            m.kind === 'poll' ? <span key={`poll-${m.step}`} className="scrub-marker scrub-poll" style={{ left: at(m.step) }} aria-hidden="true" /> : null,
          )}
          {groups.map((group) => {
            const first = group.markers[0]!;
            const name = markerGroupName(group);
            return (
              <button
                type="button"
                key={`${group.kind}-${first.step}`}
                className={`scrub-marker scrub-${group.kind}`}
                style={{ left: at(first.step) }}
                aria-label={name}
                title={name}
                onClick={() => onSeek(first.step)}
              >
                <span aria-hidden="true">
                  {MARKER_ICONS[group.kind]}
                  {group.markers.length > 1 ? <span className="marker-count">{group.markers.length}</span> : null}
                </span>
              </button>
            );
          })}
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
