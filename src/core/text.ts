// Honest text: characters that change how text reads without being seen — bidirectional controls (U+202E turns
// "txt.summary" into what looks like "summary.txt"), zero-width characters (`notes\u200B.txt` looks like notes.txt),
// other format and control characters — are shown as visible `\u{…}` escapes wherever core hands text to a person
// (ledger rows, hovers, narration, diagnostics), and a source holding one gets a warning. Pure; depends on
// ../diagnostics.ts only. Data (effect records, serde JSON) keeps the characters as they are.
import { createDiagnostic, type Diagnostic } from './diagnostics.ts';

// C0/C1 controls except tab and newline; soft hyphen; Arabic letter mark; Mongolian vowel separator; zero-width
// and directional marks; line/paragraph separators; bidi embeddings, overrides and isolates; word joiner and
// invisible operators; the BOM / zero-width no-break space; interlinear annotation and tag characters; variation
// selectors; Hangul fillers.
const HIDDEN =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- matching exactly these characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/gu;

const NAMES: Readonly<Record<number, string>> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte-order mark)',
};

/** Text shown to a person is cut past this many characters (a 50,000-character path in every step of a trace
 * would otherwise be copied into every narration). */
export const MAX_SHOWN_CHARS = 240;

function escape(char: string): string {
  const code = char.codePointAt(0)!;
  return `\\u{${code.toString(16).toUpperCase().padStart(4, '0')}}`;
}

/** True when `text` holds a character that would change how it reads without being seen. */
export function hasHiddenCharacters(text: string): boolean {
  HIDDEN.lastIndex = 0;
  return HIDDEN.test(text);
}

/** `text` with every hidden character as a visible `\u{202E}` escape. Returns `text` itself when it has none. */
export function visibleText(text: string): string {
  if (!hasHiddenCharacters(text)) return text;
  return text.replace(HIDDEN, escape);
}

/**
 * A capability or op name as a message shows it: hidden characters escaped (`visibleText`), and each letter outside
 * ASCII named by its code point beside the name, so a lookalike cannot pass for the real one:
 * `wrіte_text (і U+0456)`. Returns the visible name itself when it is all ASCII.
 */
export function shownName(name: string): string {
  const visible = visibleText(name);
  const marks: string[] = [];
  for (const char of new Set(visible)) {
    const code = char.codePointAt(0)!;
    if (code > 0x7f) marks.push(`${char} U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return marks.length === 0 ? visible : `${visible} (${marks.join(', ')})`;
}

/** `visibleText`, cut to `max` characters with "…" and how many were left out. */
export function shownText(text: string, max: number = MAX_SHOWN_CHARS): string {
  const visible = visibleText(text);
  if (visible.length <= max) return visible;
  return `${visible.slice(0, max)}… (${(visible.length - max).toLocaleString('en-US')} more characters)`;
}

/** One H106 warning per hidden character in `source` (at most `limit`, then one that says how many more). */
export function hiddenCharacterDiagnostics(source: string, limit = 20): Diagnostic[] {
  const out: Diagnostic[] = [];
  let found = 0;
  HIDDEN.lastIndex = 0;
  for (const match of source.matchAll(HIDDEN)) {
    // A tab, newline and carriage return are ordinary; the regex leaves out tab and newline, so only CR remains.
    if (match[0] === '\r') continue;
    found++;
    if (out.length >= limit) continue;
    const code = match[0].codePointAt(0)!;
    const name = NAMES[code] ?? (code < 0x20 || (code >= 0x7f && code <= 0x9f) ? 'a control character' : 'an invisible character');
    const start = match.index;
    out.push(
      createDiagnostic(
        'H106',
        `This source holds ${escape(match[0])} (${name}), which changes how the text reads without being seen: the code may not do what it looks like it does`,
        { start, end: start + match[0].length },
      ),
    );
  }
  if (found > limit) {
    const last = out[out.length - 1]!;
    last.notes = [`${(found - limit).toLocaleString('en-US')} more hidden characters in this source are not listed`];
  }
  return out;
}
