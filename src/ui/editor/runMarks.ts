// The code follows the run: the editor marks the line the running task is at (decoration class
// `harn-current-line` and a gutter arrow) and, faintly, the await a waiting task is parked at, in whichever
// program the editor shows. Marks come from the trace at the stepper's position (traceView.codeMarksAt).
import type * as Monaco from 'monaco-editor/editor';
import { useStore } from '../../state/store.ts';
import { codeMarksAt } from '../run/traceView.ts';
import { programUri } from './programUri.ts';
import { monaco } from './setup.ts';
import './runMarks.css';

/** Applies the marks of the current step to `editor`'s model (when it is the selected tab's). */
export function applyRunMarks(editor: Monaco.editor.IStandaloneCodeEditor, collection: Monaco.editor.IEditorDecorationsCollection): void {
  const { simulation, stepIndex, selectedTab } = useStore.getState();
  const model = editor.getModel();
  if (!model || !simulation || model.uri.toString() !== monaco.Uri.parse(programUri(selectedTab)).toString()) {
    collection.clear();
    return;
  }
  const { marks } = codeMarksAt(simulation, stepIndex);
  const decorations: Monaco.editor.IModelDeltaDecoration[] = [];
  for (const mark of marks) {
    if (mark.task !== selectedTab || mark.start > model.getValueLength()) continue;
    const line = model.getPositionAt(mark.start).lineNumber;
    const current = mark.kind === 'current';
    decorations.push({
      range: new monaco.Range(line, 1, line, 1),
      options: {
        isWholeLine: true,
        className: current ? 'harn-current-line' : 'harn-parked-line',
        glyphMarginClassName: current ? 'harn-current-arrow' : 'harn-parked-mark',
        glyphMarginHoverMessage: { value: current ? `${mark.task} is running here` : `${mark.task} is parked here, waiting` },
      },
    });
  }
  collection.set(decorations);
}

/** Keeps the marks current as the stepper moves, a new trace arrives or the tab changes; returns the unsubscribe. */
export function startRunMarks(editor: Monaco.editor.IStandaloneCodeEditor): () => void {
  const collection = editor.createDecorationsCollection();
  const apply = () => applyRunMarks(editor, collection);
  apply();
  const modelChange = editor.onDidChangeModel(apply);
  const unsubscribe = useStore.subscribe((state, previous) => {
    if (state.stepIndex !== previous.stepIndex || state.simulation !== previous.simulation || state.selectedTab !== previous.selectedTab) apply();
  });
  return () => {
    unsubscribe();
    modelChange.dispose();
    collection.clear();
  };
}
