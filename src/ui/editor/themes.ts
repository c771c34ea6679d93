// Monaco themes matching the app's light, dark and high-contrast palettes (token colours for the Harn grammar).
import type * as Monaco from 'monaco-editor/editor';

export type EditorTheme = 'harn-light' | 'harn-dark' | 'harn-contrast';

export function defineHarnThemes(monaco: typeof Monaco): void {
  monaco.editor.defineTheme('harn-light', {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'keyword', foreground: '7a2fa8', fontStyle: 'bold' },
      { token: 'keyword.contextual', foreground: '7a2fa8' },
      { token: 'string', foreground: '1d6b2f' },
      { token: 'string.raw', foreground: '2f6b5e' },
      { token: 'string.escape', foreground: 'a3520b' },
      { token: 'delimiter.interpolation', foreground: 'a3520b', fontStyle: 'bold' },
      { token: 'number', foreground: '0b5cad' },
      { token: 'number.duration', foreground: '0b5cad', fontStyle: 'italic' },
      { token: 'comment', foreground: '6a6f76', fontStyle: 'italic' },
      { token: 'annotation', foreground: '8a5a00' },
      { token: 'function', foreground: '005a8c' },
      { token: 'variable.predefined', foreground: 'a3520b', fontStyle: 'bold' },
    ],
    colors: {},
  });
  monaco.editor.defineTheme('harn-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'keyword', foreground: 'd2a8ff', fontStyle: 'bold' },
      { token: 'keyword.contextual', foreground: 'd2a8ff' },
      { token: 'string', foreground: '9be9a8' },
      { token: 'string.raw', foreground: '8fd9c8' },
      { token: 'string.escape', foreground: 'ffb86b' },
      { token: 'delimiter.interpolation', foreground: 'ffb86b', fontStyle: 'bold' },
      { token: 'number', foreground: '79c0ff' },
      { token: 'number.duration', foreground: '79c0ff', fontStyle: 'italic' },
      { token: 'comment', foreground: '9198a1', fontStyle: 'italic' },
      { token: 'annotation', foreground: 'e3b341' },
      { token: 'function', foreground: '7cc7ff' },
      { token: 'variable.predefined', foreground: 'ffb86b', fontStyle: 'bold' },
    ],
    colors: { 'editor.background': '#16181d' },
  });
  monaco.editor.defineTheme('harn-contrast', { base: 'hc-black', inherit: true, rules: [], colors: {} });
}
