// Diagnostics (parse errors, HARN-CAP-301 violations, lints) → Monaco markers on each program's model. The worker
// places them (line:column); a reply that leaves a program's diagnostics alone keeps its list the same object.
import type * as Monaco from 'monaco-editor/editor';
import type { AnalysisView, DiagnosticRow } from '../../state/analysisTypes.ts';
import { programUri } from './programUri.ts';

export const MARKER_OWNER = 'harn';

export function diagnosticMarkers(monaco: typeof Monaco, diagnostics: readonly DiagnosticRow[]): Monaco.editor.IMarkerData[] {
  const severity = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };
  return diagnostics.map(({ severity: level, message, notes, code, place }) => ({
    severity: severity[level],
    message: notes && notes.length > 0 ? `${message}\n${notes.join('\n')}` : message,
    code,
    source: 'harn',
    startLineNumber: place.line,
    startColumn: place.column,
    endLineNumber: place.endLine,
    endColumn: place.endColumn,
  }));
}

// The diagnostics each model was last given, by model: setModelMarkers redecorates the whole model (hundreds of
// markers in a long child), and most keystrokes leave every diagnostic as it was. Weak keys, so a disposed model is
// forgotten.
const applied = new WeakMap<Monaco.editor.ITextModel, readonly DiagnosticRow[]>();

function setMarkersIfChanged(monaco: typeof Monaco, model: Monaco.editor.ITextModel, diagnostics: readonly DiagnosticRow[]): void {
  const before = applied.get(model);
  if (before === diagnostics || (before && before.length === 0 && diagnostics.length === 0)) return;
  applied.set(model, diagnostics);
  monaco.editor.setModelMarkers(model, MARKER_OWNER, diagnosticMarkers(monaco, diagnostics));
}

/** Sets the markers of every program model that exists; clears models of programs the analysis no longer has.
 * A model whose diagnostics did not change is left alone. */
export function applyMarkers(monaco: typeof Monaco, analysis: AnalysisView | null): void {
  const programs = analysis ? [analysis.parent, ...analysis.children] : [];
  const seen = new Set<string>();
  for (const program of programs) {
    const uri = programUri(program.name);
    seen.add(uri);
    const model = monaco.editor.getModel(monaco.Uri.parse(uri));
    if (model) setMarkersIfChanged(monaco, model, program.diagnostics);
  }
  for (const model of monaco.editor.getModels()) {
    if (!seen.has(model.uri.toString())) setMarkersIfChanged(monaco, model, []);
  }
}
