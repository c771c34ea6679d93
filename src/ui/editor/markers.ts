// Diagnostics (parse errors, HARN-CAP-301 violations, lints) → Monaco markers on each program's model.
import type * as Monaco from 'monaco-editor/editor';
import type { Diagnostic } from '../../core/diagnostics.ts';
import type { ScenarioAnalysis } from '../../state/analysisTypes.ts';
import { programUri } from './programUri.ts';

export const MARKER_OWNER = 'harn';

export function diagnosticMarkers(monaco: typeof Monaco, model: Monaco.editor.ITextModel, diagnostics: readonly Diagnostic[]): Monaco.editor.IMarkerData[] {
  const severity = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };
  return diagnostics.map((d) => {
    const start = model.getPositionAt(d.span.start);
    const end = model.getPositionAt(Math.max(d.span.end, d.span.start));
    const notes = d.notes && d.notes.length > 0 ? `\n${d.notes.join('\n')}` : '';
    return {
      severity: severity[d.severity],
      message: `${d.message}${notes}`,
      code: d.code,
      source: 'harn',
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
  });
}

// What each model was last given, by model: setModelMarkers redecorates the whole model (hundreds of markers in a
// long child), and most keystrokes leave every marker where it was. Weak keys, so a disposed model is forgotten.
const applied = new WeakMap<Monaco.editor.ITextModel, Monaco.editor.IMarkerData[]>();

function sameMarker(a: Monaco.editor.IMarkerData, b: Monaco.editor.IMarkerData): boolean {
  return (
    a.startLineNumber === b.startLineNumber &&
    a.startColumn === b.startColumn &&
    a.endLineNumber === b.endLineNumber &&
    a.endColumn === b.endColumn &&
    a.severity === b.severity &&
    a.code === b.code &&
    a.message === b.message
  );
}

function setMarkersIfChanged(monaco: typeof Monaco, model: Monaco.editor.ITextModel, markers: Monaco.editor.IMarkerData[]): void {
  const before = applied.get(model);
  if (before && before.length === markers.length && before.every((marker, i) => sameMarker(marker, markers[i]!))) return;
  applied.set(model, markers);
  monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
}

/** Sets the markers of every program model that exists; clears models of programs the analysis no longer has.
 * A model whose markers would not change is left alone. */
export function applyMarkers(monaco: typeof Monaco, analysis: ScenarioAnalysis | null): void {
  const programs = analysis ? [analysis.parent, ...analysis.children] : [];
  const seen = new Set<string>();
  for (const program of programs) {
    const uri = programUri(program.name);
    seen.add(uri);
    const model = monaco.editor.getModel(monaco.Uri.parse(uri));
    if (model) setMarkersIfChanged(monaco, model, diagnosticMarkers(monaco, model, program.diagnostics));
  }
  for (const model of monaco.editor.getModels()) {
    if (!seen.has(model.uri.toString())) setMarkersIfChanged(monaco, model, []);
  }
}
