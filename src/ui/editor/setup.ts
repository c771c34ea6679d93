// Monaco, fully offline: the minimal editor build plus the features we use, our editor worker, the Harn
// language and themes, and `loader.config({ monaco })` so @monaco-editor/react never fetches from a CDN (M1).
// Imported only by the lazily loaded EditorPane, so none of this is in the initial bundle.
import { loader } from '@monaco-editor/react';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/snippet/register';
// Quick fixes on a call ("Allow … in alpha's ceiling", "Add … to the parent grant"): the lightbulb and Ctrl+.
import 'monaco-editor/features/codeAction/register';
// Ctrl+M (⌃⇧M on a Mac) toggles whether Tab moves focus: the editor's way out for keyboard users (WCAG 2.1.2).
import 'monaco-editor/features/toggleTabFocusMode/register';
// features/suggest registers only the inline-completions bridge; the suggest widget itself is this contribution.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { registerHarnLanguage } from './harnLanguage.ts';
import { registerHarnProviders } from './providers.ts';
import { defineHarnThemes } from './themes.ts';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
registerHarnLanguage(monaco);
defineHarnThemes(monaco);
registerHarnProviders(monaco);
loader.config({ monaco });

export { monaco };
