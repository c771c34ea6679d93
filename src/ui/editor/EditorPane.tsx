// The Monaco editor (lazily loaded, its own chunk): one model per program, edits go to the store, the worker's
// diagnostics become markers, and reveal requests (diagnostic / ledger clicks) select a range.
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef } from 'react';
import type * as Monaco from 'monaco-editor/editor';
import { selectSource } from '../../state/selectors.ts';
import { useStore } from '../../state/store.ts';
import type { RevealRequest } from '../../state/slices/ui.ts';
import SourceFallback from '../editors/SourceFallback.tsx';
import { useResolvedTheme } from '../shell/useResolvedTheme.ts';
import { applyMarkers } from './markers.ts';
import { setModelText, syncModels } from './modelSync.ts';
import { programUri } from './programUri.ts';
import { monaco } from './setup.ts';
import { HARN_LANGUAGE_ID } from './harnLanguage.ts';

const EDITOR_OPTIONS: Monaco.editor.IStandaloneEditorConstructionOptions = {
  minimap: { enabled: false },
  fontSize: 13,
  scrollBeyondLastLine: false,
  automaticLayout: true,
  tabSize: 2,
  fixedOverflowWidgets: true,
  // Colouring bracket pairs decorates every bracket of a model (~2,800 decorations in a 1,000-line child) and every
  // keystroke's render queries them; matching the bracket at the cursor stays on. It is a model option that models
  // read from the configuration key `editor.bracketPairColorization.enabled`: the standalone editor forwards an
  // option to the configuration only under that exact dotted key (the nested `bracketPairColorization: { enabled }`
  // is ignored for models).
  ...({ 'bracketPairColorization.enabled': false } as Monaco.editor.IStandaloneEditorConstructionOptions),
};

/** Escape belongs to the editor while one of these is open (Monaco's context keys); otherwise it leaves. */
const ESCAPE_LEAVES_WHEN = '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !inSnippetMode && !markersNavigationVisible && !editorHasMultipleSelections';

/** Focus goes to the program's tab, so Tab from there continues through the page. */
function leaveEditor(): void {
  document.getElementById(`tab-${useStore.getState().selectedTab}`)?.focus();
}

const EDITOR_THEME = { light: 'harn-light', dark: 'harn-dark', contrast: 'harn-contrast' } as const;

function applyReveal(editor: Monaco.editor.IStandaloneCodeEditor, request: RevealRequest): boolean {
  const model = editor.getModel();
  if (!model || model.uri.toString() !== monaco.Uri.parse(programUri(request.tab)).toString()) return false;
  const { at } = request;
  const range =
    'line' in at
      ? model.validateRange(new monaco.Range(at.line, at.column, at.endLine, at.endColumn))
      : monaco.Range.fromPositions(model.getPositionAt(at.start), model.getPositionAt(at.end));
  editor.setSelection(range);
  editor.revealRangeInCenterIfOutsideViewport(range);
  editor.focus();
  return true;
}

// Markers follow the analysis from this leaf, not from the pane: a reply re-rendering the pane (and the editor
// wrapper) on every keystroke did nothing else. An effect, so the markers are set right after the reply's commit.
function MarkersSync() {
  const analysis = useStore((s) => s.analysis);
  useEffect(() => {
    applyMarkers(monaco, analysis);
  }, [analysis]);
  return null;
}

// A refused edit (over the size limit) says so where the user is typing.
function EditNotice() {
  const notice = useStore((s) => s.editNotice);
  if (!notice) return null;
  return (
    <p className="edit-notice" role="alert">
      <span aria-hidden="true">⚠ </span>
      {notice}{' '}
      <button type="button" className="small-button" onClick={() => useStore.getState().dismissEditNotice()}>
        Dismiss
      </button>
    </p>
  );
}

export default function EditorPane() {
  const tab = useStore((s) => s.selectedTab);
  // The text a model starts with when the tab's model is first created; from then on the model holds the text and
  // modelSync.ts pushes changes from outside the editor into it, so typing does not re-render this pane.
  const initialSource = useMemo(() => selectSource(tab)(useStore.getState()), [tab]);
  const setSource = useStore((s) => s.setSource);
  /** The text the editor is reporting while it reports it: the store change it causes is not pushed back. */
  const typed = useRef<{ tab: string; text: string } | null>(null);
  const revealRequest = useStore((s) => s.revealRequest);
  const theme = useResolvedTheme();
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  // One object per tab: the wrapper calls updateOptions (a whole configuration pass) whenever this changes identity,
  // and the pane re-renders on every keystroke and every analysis.
  const options = useMemo(() => ({ ...EDITOR_OPTIONS, ariaLabel: `Harn source of ${tab}` }), [tab]);
  const pendingReveal = useRef<RevealRequest | null>(null);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor as unknown as Monaco.editor.IStandaloneCodeEditor;
    // Escape leaves the editor for its tab (when no widget of the editor wants Escape itself); Ctrl+M still works.
    editor.addCommand(monaco.KeyCode.Escape, leaveEditor, ESCAPE_LEAVES_WHEN);
    applyMarkers(monaco, useStore.getState().analysis);
    editor.onDidChangeModel(() => {
      applyMarkers(monaco, useStore.getState().analysis);
      const pending = pendingReveal.current;
      if (pending && applyReveal(editorRef.current!, pending)) pendingReveal.current = null;
    });
    const pending = pendingReveal.current;
    if (pending && applyReveal(editorRef.current, pending)) pendingReveal.current = null;
  };

  useEffect(() => useStore.subscribe((state, previous) => syncModels(monaco, state, previous, typed.current, editorRef.current)), []);

  useEffect(() => {
    if (!revealRequest) return;
    const editor = editorRef.current;
    if (editor && applyReveal(editor, revealRequest)) pendingReveal.current = null;
    else pendingReveal.current = revealRequest;
  }, [revealRequest]);

  return (
    <div className="editor-pane" id="program-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} data-testid="editor-pane">
      <MarkersSync />
      <Editor
        path={programUri(tab)}
        language={HARN_LANGUAGE_ID}
        defaultValue={initialSource}
        theme={EDITOR_THEME[theme]}
        loading={<SourceFallback />}
        onMount={onMount}
        onChange={(value) => {
          // A source pushed into the model from outside is reported back here: the store has it already.
          if (value === undefined || value === selectSource(tab)(useStore.getState())) return;
          typed.current = { tab, text: value };
          const refused = setSource(tab, value);
          typed.current = null;
          // Over the size limit (a big paste): the edit is taken back out of the model, and the store says why.
          const model = editorRef.current?.getModel();
          if (refused !== null && model) setModelText(model, selectSource(tab)(useStore.getState()), editorRef.current);
        }}
        options={options}
      />
      <EditNotice />
      {/* Shown while the editor has focus (CSS): Tab indents inside it, so say how to leave by keyboard. */}
      <p className="editor-keys" aria-hidden="true">
        Tab indents · <kbd>Esc</kbd> leaves · <kbd>Ctrl</kbd>+<kbd>M</kbd> (Mac <kbd>⌃</kbd><kbd>⇧</kbd><kbd>M</kbd>): Tab moves focus
      </p>
    </div>
  );
}
