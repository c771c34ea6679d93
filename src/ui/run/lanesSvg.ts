// The task lanes as a standalone SVG file ("Download SVG"): one row per task with its running, ready, awaiting,
// done and panicked segments in the task's colour (with several threads, each poll labelled with its thread, ↪ for
// a migration), and a red ✖ (with its step in a <title>) at each cross-wire.
// Colours are passed in resolved (the file has no stylesheet); every text is escaped.
import type { LaneSegment, LaneStatus, Marker } from './traceView.ts';

export interface LanesSvgInput {
  title: string;
  tasks: readonly { name: string; color: string }[];
  segments: readonly (readonly LaneSegment[])[];
  markers: readonly Marker[];
  stepCount: number;
  /** Predict mode hides the marks: the legend then counts no cross-wire (the page shows none either). */
  marksHidden?: boolean;
  /** Resolved colours of the theme: text, muted, the track and red. */
  palette: { text: string; muted: string; track: string; danger: string; background: string };
}

const ROW = 22;
const NAME_W = 110;
const TRACK_W = 720;
const TOP = 34;

/** Escapes text for SVG content and attribute values. */
export function svgEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function segmentRect(segment: LaneSegment, y: number, color: string, input: LanesSvgInput, x: (n: number) => number): string {
  const w = Math.max(0.5, x(segment.to) - x(segment.from));
  const at = (top: number, height: number, fill: string, extra = '') =>
    `<rect x="${x(segment.from).toFixed(2)}" y="${y + top}" width="${w.toFixed(2)}" height="${height}" fill="${fill}"${extra}/>`;
  const shapes: Record<LaneStatus, string> = {
    unspawned: '',
    running: at(2, 14, color),
    ready: at(6, 6, color, ' fill-opacity="0.35"'),
    awaiting: at(8, 1.5, color),
    done: at(7, 3, input.palette.muted, ' fill-opacity="0.5"'),
    panicked: at(2, 14, input.palette.danger, ' fill-opacity="0.6"'),
    refused: at(2, 14, input.palette.danger, ' fill-opacity="0.4"'),
  };
  if (segment.status !== 'running' || segment.thread === undefined) return shapes[segment.status];
  const moved = segment.migratedFrom === undefined ? '' : '↪';
  const title = `thread ${segment.thread}${segment.migratedFrom === undefined ? '' : `, moved from thread ${segment.migratedFrom}`}`;
  return `${shapes.running}<text x="${(x(segment.from) + 2).toFixed(2)}" y="${y + 13}" fill="${input.palette.background}" font-size="10" font-weight="700">${moved}${segment.thread}<title>${svgEscape(title)}</title></text>`;
}

/** The SVG document text. */
export function lanesSvg(input: LanesSvgInput): string {
  const height = TOP + input.tasks.length * ROW + 26;
  const width = NAME_W + TRACK_W + 20;
  const x = (n: number) => NAME_W + (input.stepCount === 0 ? 0 : (n / input.stepCount) * TRACK_W);
  const threaded = input.segments.some((lane) => lane.some((s) => s.thread !== undefined));
  const rows = input.tasks.map((task, t) => {
    const y = TOP + t * ROW;
    const segments = (input.segments[t] ?? []).map((s) => segmentRect(s, y, task.color, input, x)).join('');
    return `<text x="8" y="${y + 13}" fill="${task.color}" font-weight="600">${svgEscape(task.name)}</text><rect x="${NAME_W}" y="${y + 2}" width="${TRACK_W}" height="14" fill="${input.palette.track}"/>${segments}`;
  });
  const crosswires = input.markers
    .filter((m) => m.kind === 'crosswire')
    .map((m) => `<text x="${x(m.step + 0.5).toFixed(2)}" y="${TOP - 6}" fill="${input.palette.danger}" text-anchor="middle" font-weight="700">✖<title>${svgEscape(m.label)}</title></text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="${input.palette.background}"/>`,
    `<text x="8" y="16" fill="${input.palette.text}" font-weight="600">${svgEscape(input.title)}</text>`,
    ...rows,
    ...crosswires,
    `<text x="8" y="${height - 8}" fill="${input.palette.muted}">${svgEscape(`■ running${threaded ? ' (2: on thread 2; ↪2: moved to thread 2)' : ''} · ▬ ready · ─ awaiting · ${input.marksHidden ? '' : `✖ cross-wire (${input.markers.filter((m) => m.kind === 'crosswire').length}) · `}${input.stepCount} steps`)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
