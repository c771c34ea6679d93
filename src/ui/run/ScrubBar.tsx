// The scrub bar: a range over the trace (jump to any step) with core's marks at polls, cross-wires, violations,
// panics and leaks, and core's legend (the marks' counts added up: the same numbers as the summary and the CLI).
// Marks other than polls are buttons named by what happens there (core's label); marks of a kind that would overlap
// on the bar merge into one with a count, which seeks to the first of them.
import { useLayoutEffect, useRef, useState } from 'react';
import type { LegendEntry } from '../../core/scheduler/counts.ts';
import { groupMarkers, type Marker, type MarkerGroup, type MarkerKind } from './traceView.ts';

export interface ScrubBarProps {
  stepIndex: number;
  stepCount: number;
  markers: readonly Marker[];
  legend: readonly LegendEntry[];
  /** "step 12 of 29": the position in the stepper's own numbering. */
  positionText: string;
  onSeek: (step: number) => void;
  /** While the whole trace is on its way (a link's first reply): the bar is disabled, without marks, and this line
   * takes the legend's place (the stepper keeps its layout when the trace arrives). */
  waitingText?: string;
  /** Said after the legend while its counts are the run before the latest change (the current one is on its way). */
  staleText?: string | null;
}

const MARKER_WORDS: Record<MarkerKind, [one: string, many: string]> = {
  poll: ['poll', 'polls'],
  crosswire: ['cross-wire', 'cross-wires'],
  violation: ['violation', 'violations'],
  panic: ['panic', 'panics'],
  leak: ['leak', 'leaks'],
};
const ICONS: Record<MarkerKind, string> = { poll: '', crosswire: '✖', violation: '✖', panic: '!', leak: '◆' };
/** Markers closer than this on screen merge (a marker glyph is about 8 px wide; a pointer needs a little more). */
const MERGE_PX = 14;
/** The bar's width before it has been measured (the run column at 1440 px). */
const DEFAULT_TRACK_PX = 600;

/** Core's label for one mark ("cross-wire at step 12, alpha reads VM_EXECUTION_CONTEXT"); for merged marks the
 * count, the steps and the first. */
export function markerGroupName(group: MarkerGroup): string {
  const [, many] = MARKER_WORDS[group.kind];
  const first = group.markers[0]!;
  const last = group.markers[group.markers.length - 1]!;
  if (group.markers.length === 1) return first.label;
  return `${group.markers.length} ${many} at steps ${first.at} to ${last.at}; the first: ${first.what}`;
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

export default function ScrubBar({ stepIndex, stepCount, markers, legend, positionText, onSeek, waitingText, staleText }: ScrubBarProps) {
  const [track, width] = useWidth<HTMLDivElement>();
  const max = Math.max(0, stepCount - 1);
  const at = (step: number) => `${max === 0 ? 0 : (step / max) * 100}%`;
  const gap = max === 0 ? 0 : (MERGE_PX / Math.max(1, width)) * max;
  const groups = groupMarkers(markers, gap);
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
                  {ICONS[group.kind]}
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
          disabled={stepCount === 0 || waitingText !== undefined}
          aria-label="Trace position"
          aria-valuetext={positionText}
          onChange={(e) => onSeek(Number(e.target.value))}
        />
      </div>
      {waitingText !== undefined ? (
        <p className="scrub-legend run-waiting">{waitingText}</p>
      ) : (
        <p className="scrub-legend">
          {legend.map((entry) => (
            // A zero count is neutral (quiet when nothing is wrong); only a count that is not zero is coloured.
            <span key={entry.kind} className={entry.count === 0 ? `legend-${entry.kind} legend-zero` : `legend-${entry.kind}`}>
              <span aria-hidden="true">{ICONS[entry.kind]} </span>
              {entry.text}
            </span>
          ))}
          {staleText ? <span className="legend-stale-note"> — {staleText}</span> : null}
        </p>
      )}
    </div>
  );
}
