// Harn's Monarch grammar and language configuration for Monaco (shared/reference/harn-syntax.md §1):
// keywords, strings with `${…}` interpolation, raw `r"…"` and triple-quoted strings, durations, nested
// block comments, attributes. Highlighting only: the worker's parser is the only judge of syntax.
import type * as Monaco from 'monaco-editor/editor';

export const HARN_LANGUAGE_ID = 'harn';

/** Reserved keywords (0.7.50 lexer) plus the 0.8 additions. */
export const HARN_KEYWORD_LIST = [
  'break', 'catch', 'continue', 'deadline', 'defer', 'emit', 'else', 'enum', 'eval_pack', 'exclusive', 'extends',
  'false', 'finally', 'fn', 'for', 'from', 'guard', 'if', 'impl', 'import', 'in', 'interface', 'let', 'match', 'mutex',
  'nil', 'override', 'parallel', 'pipeline', 'pub', 'require', 'retry', 'return', 'select', 'skill', 'spawn', 'struct',
  'throw', 'to', 'tool', 'true', 'try', 'type', 'var', 'while', 'yield',
  'const', 'request_approval', 'dual_control', 'ask_user', 'escalate_to',
];

/** Contextual identifiers highlighted like keywords where they usually appear. */
const CONTEXTUAL = ['each', 'settle', 'with', 'as', 'stream', 'timeout', 'default', 'where', 'gen', 'not', 'cost_route'];

export const harnMonarch: Monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.harn',
  keywords: HARN_KEYWORD_LIST,
  contextual: CONTEXTUAL,
  brackets: [
    { open: '{', close: '}', token: 'delimiter.curly' },
    { open: '[', close: ']', token: 'delimiter.square' },
    { open: '(', close: ')', token: 'delimiter.parenthesis' },
  ],
  tokenizer: {
    root: [
      [/\/\*/, 'comment', '@comment'],
      [/\/\/.*$/, 'comment'],
      [/@[A-Za-z_]\w*/, 'annotation'],
      [/r"/, 'string.raw', '@rawString'],
      [/"""/, 'string', '@tripleString'],
      [/"/, 'string', '@string'],
      [/\d+(?:ms|s|m|h|d|w)(?![A-Za-z0-9_])/, 'number.duration'],
      [/\d+\.\d+/, 'number.float'],
      [/\d+/, 'number'],
      [/harness(?=\s*\??\.)/, 'variable.predefined'],
      [/[A-Za-z_][\w]*(?=\s*\()/, { cases: { '@keywords': 'keyword', '@default': 'function' } }],
      [/[A-Za-z_][\w]*/, { cases: { '@keywords': 'keyword', '@contextual': 'keyword.contextual', '@default': 'identifier' } }],
      [/[{}()[\]]/, '@brackets'],
      [/==|!=|&&|\|\||\|>|\?\?|\*\*|\?\.|->|<=|>=|\+=|-=|\*=|\/=|%=/, 'operator'],
      [/[=!.+\-*/%<>?|]/, 'operator'],
      [/[,:;]/, 'delimiter'],
      [/\s+/, 'white'],
    ],
    comment: [
      [/[^/*]+/, 'comment'],
      [/\/\*/, 'comment', '@push'],
      [/\*\//, 'comment', '@pop'],
      [/[/*]/, 'comment'],
    ],
    string: [
      [/\$\{/, { token: 'delimiter.interpolation', next: '@interpolation' }],
      [/[^\\"$]+/, 'string'],
      [/\\./, 'string.escape'],
      [/\$/, 'string'],
      [/"/, 'string', '@pop'],
    ],
    rawString: [
      [/[^"]+/, 'string.raw'],
      [/"/, 'string.raw', '@pop'],
    ],
    tripleString: [
      [/\$\{/, { token: 'delimiter.interpolation', next: '@interpolation' }],
      [/"""/, 'string', '@pop'],
      [/[^"$]+/, 'string'],
      [/["$]/, 'string'],
    ],
    // `${ … }` ends at the matching `}` (the lexer counts braces only); nested `{` push another level.
    interpolation: [
      [/\{/, 'delimiter.bracket', '@push'],
      [/\}/, { token: 'delimiter.interpolation', next: '@pop' }],
      { include: 'root' },
    ],
  },
};

export const harnConfiguration: Monaco.languages.LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
  ],
};

/** Registers the language, its grammar and its configuration (idempotent). */
export function registerHarnLanguage(monaco: typeof Monaco): void {
  if (monaco.languages.getLanguages().some((l) => l.id === HARN_LANGUAGE_ID)) return;
  monaco.languages.register({ id: HARN_LANGUAGE_ID, extensions: ['.harn'], aliases: ['Harn'] });
  monaco.languages.setMonarchTokensProvider(HARN_LANGUAGE_ID, harnMonarch);
  monaco.languages.setLanguageConfiguration(HARN_LANGUAGE_ID, harnConfiguration);
}
