// The models hold the text while it is typed, so the editor pane does not re-render on every keystroke (a pane
// render made the wrapper rebuild the whole text to compare it). Sources that change from outside the editor — an
// example or a link opened, a session restored — are pushed into the models here, with an undo stop.
import type * as Monaco from 'monaco-editor/editor';
import type { AppState } from '../../state/storeTypes.ts';
import { programUri } from './programUri.ts';

function sources(state: AppState): [name: string, source: string][] {
  return [[state.scenario.parent.name, state.scenario.parent.source], ...state.scenario.children.map((c): [string, string] => [c.name, c.source])];
}

/** Replaces the text of `model` with `text` as one undoable edit (through `editor` when it shows the model). */
export function setModelText(model: Monaco.editor.ITextModel, text: string, editor: Monaco.editor.IStandaloneCodeEditor | null): void {
  const edit = [{ range: model.getFullModelRange(), text, forceMoveMarkers: true }];
  if (editor && editor.getModel() === model) {
    editor.executeEdits('harn-scope-sync', edit);
    editor.pushUndoStop();
  } else {
    model.pushEditOperations([], edit, () => null);
  }
}

/**
 * After a store change: every existing program model whose source changed other than by `typed` (the text the
 * editor itself just reported for `typed.tab`) gets the new source. Comparing references first keeps a keystroke's
 * check to a few pointer comparisons.
 */
export function syncModels(
  monaco: typeof Monaco,
  state: AppState,
  previous: AppState,
  typed: { tab: string; text: string } | null,
  editor: Monaco.editor.IStandaloneCodeEditor | null,
): void {
  if (state.scenario === previous.scenario) return;
  const before = new Map(sources(previous));
  for (const [name, source] of sources(state)) {
    if (before.get(name) === source) continue;
    if (typed && typed.tab === name && typed.text === source) continue;
    const model = monaco.editor.getModel(monaco.Uri.parse(programUri(name)));
    if (model && !model.isDisposed() && model.getValue() !== source) setModelText(model, source, editor);
  }
}
