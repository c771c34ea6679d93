// The stepper's exports: "Copy as Markdown" (the run at this moment for a GitHub issue, written by core's
// scenarioMarkdown in the worker, the same text as `simulate --format markdown`) and "Download SVG" of the lanes. In
// Predict mode both leave out what it hides now (the lanes and marks as the page shows them; the report as core
// writes it for those parts).
import { useState } from 'react';
import type { PredictPart } from '../../core/scenario/types.ts';
import type { TracedRun } from '../../core/scheduler/run.ts';
import { useStore } from '../../state/store.ts';
import { copyText } from '../share/clipboard.ts';
import { currentScenario } from '../share/session.ts';
import { useCoreClient } from '../coreClient.ts';
import { lanesSvg } from './lanesSvg.ts';
import { taskColorVar, type LaneSegment, type Marker } from './traceView.ts';

interface StepperExportProps {
  simulation: TracedRun;
  segments: readonly (readonly LaneSegment[])[];
  markers: readonly Marker[];
  colors: ReadonlyMap<string, number>;
  /** Predict mode: what it hides now, and whether the step shown is an open question; null when it is off. */
  predict: { hides: PredictPart[]; asking: boolean } | null;
}

/** The page's origin and path (no query, no fragment): the report's link goes after it. */
export function pageBaseUrl(): string {
  // Origin and path only: a query is whatever the address bar holds (a hostile link can fill it), and core keeps
  // only an http(s) origin and path of whatever it is given.
  return `${location.origin}${location.pathname}`;
}

function cssColor(name: string): string {
  const match = /^var\((--[\w-]+)\)$/.exec(name);
  return match ? getComputedStyle(document.documentElement).getPropertyValue(match[1]!).trim() || '#666' : name;
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The click has started the download; the object URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export default function StepperExport({ simulation, segments, markers, colors, predict }: StepperExportProps) {
  const client = useCoreClient();
  const [copied, setCopied] = useState<{ text: string; ok: boolean } | null>(null);
  const copy = async () => {
    const state = useStore.getState();
    const text = await client.scenarioMarkdown(currentScenario(state), state.stepIndex, pageBaseUrl(), predict ?? undefined);
    // Without clipboard permission the field below holds the text to copy by hand.
    setCopied({ text, ok: await copyText(text) });
  };
  const svg = () => {
    const palette = { text: cssColor('var(--text)'), muted: cssColor('var(--muted)'), track: cssColor('var(--surface-2)'), danger: cssColor('var(--danger)'), background: cssColor('var(--surface)') };
    const tasks = simulation.tasks.map((task) => ({ name: task.name, color: cssColor(taskColorVar(colors, task.name)) }));
    const title = `Harn Scope Lab: task lanes, ${simulation.mode}`;
    download('harn-scope-lanes.svg', lanesSvg({ title, tasks, segments, markers, stepCount: simulation.steps.length, marksHidden: predict?.hides.includes('marks') ?? false, palette }), 'image/svg+xml');
  };
  return (
    <div className="stepper-export">
      <button type="button" className="small-button" onClick={() => void copy()}>
        Copy as Markdown
      </button>
      <button type="button" className="small-button" onClick={svg}>
        Download SVG
      </button>
      {copied ? (
        <>
          <span className="share-copied" role="status">
            {copied.ok ? 'Copied the Markdown' : 'Copy the Markdown from the field'}
          </span>
          <textarea className="export-text" readOnly value={copied.text} aria-label="Markdown of this moment" rows={copied.ok ? 2 : 8} onFocus={(e) => e.currentTarget.select()} />
        </>
      ) : null}
    </div>
  );
}
