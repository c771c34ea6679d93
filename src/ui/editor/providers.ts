// Hover, completion and quick fixes for Harn models. A hover asks the worker for the effects of the call under the
// pointer in its latest analysis (hovers are computed on demand there, not sent with every edit); completion offers
// builtin names and `harness.<sub>.<method>` calls; a quick fix on a call whose effect the ceiling drops or the
// parent grant does not cover puts the policy the worker computed into effect, as one undoable edit.
import type * as Monaco from 'monaco-editor/editor';
import { selectAnalyzedSource } from '../../state/selectors.ts';
import { applyFix, policyRequest, type PolicyBasis } from '../../state/policyApply.ts';
import { useStore } from '../../state/store.ts';
import type { PolicyFix } from '../../core/authoring/index.ts';
import { getCoreClient } from '../../worker/client.ts';
import { BUILTIN_COMPLETIONS, completionContext, HARNESS_METHODS } from './completions.ts';
import { HARN_LANGUAGE_ID } from './harnLanguage.ts';
import { hoverMarkdown } from './hoverContent.ts';
import { programFromUri } from './programUri.ts';

async function provideHover(monaco: typeof Monaco, model: Monaco.editor.ITextModel, position: Monaco.Position): Promise<Monaco.languages.Hover | null> {
  const program = programFromUri(model.uri.toString());
  if (program === null) return null;
  // Spans index into the analyzed text: while a newer edit is still being analyzed, show nothing rather than a
  // hover placed by old offsets.
  const version = model.getVersionId();
  if (selectAnalyzedSource(program)(useStore.getState()) !== model.getValue()) return null;
  const offset = model.getOffsetAt(position);
  const hover = await getCoreClient().effectHoverAt(program, offset);
  if (!hover || model.isDisposed() || model.getVersionId() !== version) return null;
  const start = model.getPositionAt(hover.span.start);
  const end = model.getPositionAt(hover.span.end);
  return {
    range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
    contents: hoverMarkdown(hover).map((value) => ({ value, isTrusted: false })),
  };
}

function provideCompletion(monaco: typeof Monaco, model: Monaco.editor.ITextModel, position: Monaco.Position): Monaco.languages.CompletionList {
  const word = model.getWordUntilPosition(position);
  const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
  const prefix = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
  const context = completionContext(prefix);
  const { Function, Module, Method } = monaco.languages.CompletionItemKind;
  const snippet = monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet;
  if (context.kind === 'harness-sub') {
    return { suggestions: Object.keys(HARNESS_METHODS).map((sub) => ({ label: sub, kind: Module, insertText: sub, detail: `harness.${sub}`, range })) };
  }
  if (context.kind === 'harness-method') {
    const methods = HARNESS_METHODS[context.sub] ?? [];
    return {
      suggestions: methods.map((m) => ({ label: m.method, kind: Method, insertText: `${m.method}($1)`, insertTextRules: snippet, detail: `harness.${context.sub}.${m.method} → ${m.detail}`, range })),
    };
  }
  const builtins = BUILTIN_COMPLETIONS.map((c) => ({ label: c.name, kind: Function, insertText: `${c.name}(${c.args})`, insertTextRules: snippet, detail: c.detail, range }));
  return { suggestions: [...builtins, { label: 'harness', kind: Module, insertText: 'harness.', detail: 'harness.<sub>.<method>(…)', range, command: { id: 'editor.action.triggerSuggest', title: 'more' } }] };
}

/** The command a quick fix runs: applies the fix if the scenario is still the one it was computed from. */
const APPLY_POLICY_FIX = 'harn-scope.applyPolicyFix';

async function provideCodeActions(model: Monaco.editor.ITextModel, range: Monaco.Range, context: Monaco.languages.CodeActionContext): Promise<Monaco.languages.CodeActionList> {
  const none = { actions: [], dispose: () => undefined };
  const program = programFromUri(model.uri.toString());
  const state = useStore.getState();
  if (program === null || !state.scenario.children.some((c) => c.name === program)) return none;
  // Offsets index into the analyzed text, as for hovers: nothing while a newer edit is being analyzed.
  const version = model.getVersionId();
  if (selectAnalyzedSource(program)(state) !== model.getValue()) return none;
  const { input, basis } = policyRequest();
  const fixes = await getCoreClient().policyFixesAt(input, program, { offset: model.getOffsetAt(range.getStartPosition()) });
  if (model.isDisposed() || model.getVersionId() !== version) return none;
  const actions = fixes.map((fix) => ({
    title: fix.title,
    kind: 'quickfix',
    diagnostics: context.markers.filter((m) => (fix.target === 'grant' ? m.code === 'HARN-CAP-301' : m.code === 'L405')),
    isPreferred: fixes.length === 1,
    command: { id: APPLY_POLICY_FIX, title: fix.title, arguments: [fix, basis] },
  }));
  return { actions, dispose: () => undefined };
}

let registered = false;

/** Registers the hover and completion providers for Harn (once). */
export function registerHarnProviders(monaco: typeof Monaco): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerHoverProvider(HARN_LANGUAGE_ID, { provideHover: (model, position) => provideHover(monaco, model, position) });
  monaco.editor.registerCommand(APPLY_POLICY_FIX, (_accessor, fix: PolicyFix, basis: PolicyBasis) => void applyFix(fix, basis));
  monaco.languages.registerCodeActionProvider(HARN_LANGUAGE_ID, { provideCodeActions: (model, range, context) => provideCodeActions(model, range, context) }, { providedCodeActionKinds: ['quickfix'] });
  monaco.languages.registerCompletionItemProvider(HARN_LANGUAGE_ID, {
    triggerCharacters: ['.'],
    provideCompletionItems: (model, position) => provideCompletion(monaco, model, position),
  });
}
