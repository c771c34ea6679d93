// Sources changed outside the editor reach the models; the editor's own keystrokes are not pushed back.
import { beforeEach, describe, expect, it } from 'vitest';
import type * as Monaco from 'monaco-editor/editor';
import { resetStore, useStore } from '../../../src/state/store.ts';
import type { AppState } from '../../../src/state/storeTypes.ts';
import { syncModels } from '../../../src/ui/editor/modelSync.ts';
import { programUri } from '../../../src/ui/editor/programUri.ts';

/** Models as Monaco keeps them (text and a log of edits), and an editor showing one of them. */
function fakeMonaco(texts: Record<string, string>) {
  const edits: string[] = [];
  const models = new Map(
    Object.entries(texts).map(([name, text]) => {
      const model = {
        text,
        getValue: () => model.text,
        isDisposed: () => false,
        getFullModelRange: () => ({}),
        pushEditOperations: (_: unknown, ops: { text: string }[]) => {
          edits.push(`model ${name}`);
          model.text = ops[0]!.text;
          return null;
        },
      };
      return [programUri(name), model];
    }),
  );
  const monaco = { editor: { getModel: (uri: string) => models.get(uri) ?? null }, Uri: { parse: (s: string) => s } } as unknown as typeof Monaco;
  const shown = models.get(programUri('beta'))!;
  const editor = {
    getModel: () => shown,
    executeEdits: (_: string, ops: { text: string }[]) => {
      edits.push('editor beta');
      shown.text = ops[0]!.text;
      return true;
    },
    pushUndoStop: () => edits.push('undo stop'),
  } as unknown as Monaco.editor.IStandaloneCodeEditor;
  const text = (name: string) => models.get(programUri(name))!.text;
  return { monaco, editor, edits, text };
}

beforeEach(() => resetStore());

function change(action: () => void): [AppState, AppState] {
  const previous = useStore.getState();
  action();
  return [useStore.getState(), previous];
}

describe('model sync', () => {
  it('pushes an outside change into the shown model as an undoable edit and into a hidden model directly', () => {
    const s = useStore.getState().scenario;
    const fake = fakeMonaco({ parent: s.parent.source, alpha: s.children[0]!.source, beta: s.children[1]!.source });
    const [state, previous] = change(() => {
      useStore.getState().setSource('beta', 'pipeline main() { read_file("b") }');
      useStore.getState().setSource('alpha', 'pipeline main() { read_file("a") }');
    });
    syncModels(fake.monaco, state, previous, null, fake.editor);
    expect(fake.text('beta')).toBe('pipeline main() { read_file("b") }');
    expect(fake.text('alpha')).toBe('pipeline main() { read_file("a") }');
    expect(fake.edits).toEqual(['model alpha', 'editor beta', 'undo stop']);
  });

  it('leaves the model alone for the text the editor itself reported, and for unchanged sources', () => {
    const s = useStore.getState().scenario;
    const fake = fakeMonaco({ parent: s.parent.source, alpha: s.children[0]!.source, beta: 'typed' });
    const [state, previous] = change(() => useStore.getState().setSource('beta', 'typed'));
    syncModels(fake.monaco, state, previous, { tab: 'beta', text: 'typed' }, fake.editor);
    const [same, before] = change(() => useStore.getState().selectTab('alpha'));
    syncModels(fake.monaco, same, before, null, fake.editor);
    expect(fake.edits).toEqual([]);
  });
});
