import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The core boundary (DESIGN §1, STYLE "A pure core"): src/core imports nothing outside src/core and
// touches no DOM, worker global, clock, randomness or timer.
const coreBannedImports = {
  patterns: [
    { group: ['react', 'react-*', 'zustand', 'zustand/*', 'monaco-editor', 'monaco-editor/*', '@monaco-editor/*', 'comlink'], message: 'src/core must stay pure: no UI, state or worker libraries.' },
    { group: ['**/ui/**', '**/state/**', '**/worker/**', '**/cli/**'], message: 'src/core imports nothing outside src/core.' },
    { group: ['node:*', 'fs', 'path'], message: 'src/core runs in the browser worker too: no Node built-ins.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-e2e/**', 'dist-bench/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/state/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', coreBannedImports],
      'no-restricted-globals': ['error', 'window', 'document', 'self', 'globalThis', 'localStorage', 'navigator', 'postMessage', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestAnimationFrame', 'performance', 'process', 'fetch', 'Worker'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Pass a logical clock in.' }, { object: 'Math', property: 'random', message: 'Pass a seed in.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'src/core has no wall clock.' }],
      // A newcomer reads a core function whole: none is longer than this, every line counted (the one exemption,
      // effects.ts `childNodes`, is a line-by-line port of the seed's function and says so where it is).
      'max-lines-per-function': ['error', { max: 150 }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/state/**/*.{ts,tsx}'],
    ignores: ['src/ui/editor/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/*'], message: 'Monaco is imported only under src/ui/editor/.' },
        { group: ['**/core/**', '!**/core/index', '!**/core/index.ts'], message: 'The UI reaches core only through the worker client (import type from core/index is fine).', allowTypeImports: true },
      ] }],
    },
  },
);
