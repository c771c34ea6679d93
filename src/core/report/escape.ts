// One escaping function per output format, in one place: whatever a user wrote (a resource string, a call target,
// a file or slot name, a panic message) leaves every output as one inert string. Text cannot start a line or carry
// a workflow command, Markdown cannot open a heading, link, image or mention, XML and JSON hold only characters
// their consumers accept, narration quotes strings as literals. Pure; depends on ../text.ts only.
import { visibleText } from '../text.ts';

const hex = (code: number) => `\\u{${code.toString(16).toUpperCase().padStart(4, '0')}}`;
const escapeChar = (char: string) => hex(char.codePointAt(0)!);

// Noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every plane) and lone surrogates: XML refuses
// them, SARIF and JSON consumers may, and a UTF-8 writer turns a lone surrogate into U+FFFD.
const REFUSED = /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

// Hidden characters (../text.ts), the refused ones above, and newline: one line of visible text, always.
function oneLine(text: string): string {
  return visibleText(text).replace(REFUSED, escapeChar).replace(/\n/g, '\\u{000A}');
}

/**
 * A user string in text output (the CLI's text formats and messages): hidden characters and line breaks as
 * visible `\u{…}` escapes, as the page shows them, so it never starts a line; and a leading `:` or `#` escaped,
 * so it cannot begin a CI log command (`::error …`, `::add-mask::`, `##[…]`) where a format starts a line with it.
 */
export function escapeText(text: string): string {
  const line = oneLine(text);
  const lead = /^[ \t]*[:#]/.exec(line);
  return lead ? `${line.slice(0, lead[0].length - 1)}${escapeChar(lead[0].slice(-1))}${line.slice(lead[0].length)}` : line;
}

// GitHub's workflow commands: data escapes %, CR, LF; properties also : and ,.
/** A user string as the data of a GitHub workflow command (`::error …::DATA`); hidden characters visible, as in
 * every other format, once the command's own escapes are in. */
export function escapeGithubData(text: string): string {
  return visibleText(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')).replace(REFUSED, escapeChar);
}

/** A user string as a property of a GitHub workflow command (`::error file=PROPERTY::…`). */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A user string in XML (JUnit), as text or a double-quoted attribute: hidden characters and the characters XML 1.0
 * cannot hold even escaped (C0 controls, noncharacters, lone surrogates) as visible escapes; markup characters as
 * entities; line breaks and tabs as character references, so attribute normalization keeps them.
 */
export function escapeXml(text: string): string {
  return visibleText(text)
    .replace(REFUSED, escapeChar)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** A user string in a JSON report read by other tools (SARIF messages): hidden characters, noncharacters and lone
 * surrogates as visible escapes; JSON.stringify does the rest. */
export function escapeJsonText(text: string): string {
  return visibleText(text).replace(REFUSED, escapeChar);
}

/** A Markdown code span that `text` cannot close or break: one line (hidden characters and line breaks escaped),
 * fenced by more backticks than any run inside it (CommonMark), padded when it starts or ends with one. */
export function markdownCode(text: string): string {
  const line = oneLine(text);
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 || line.startsWith(' ') || line.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** A fenced Markdown code block whose fence is longer than any backtick run in `text`: nothing inside can close it. */
export function markdownBlock(text: string, language: string): string {
  const body = text.replace(REFUSED, escapeChar).replace(/\n$/, '');
  const longest = Math.max(0, ...[...body.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${body}\n${fence}`;
}

// Inline Markdown: backslash escapes for every character that can start markup mid-line (emphasis, code, links and
// images, HTML, entities, strikethrough, tables).
const MARKDOWN_INLINE = /[\\`*_[\]<>&~|]/g;
// A quoted literal as narrationLiteral writes it; a word GitHub would turn into a mention or a link.
const LITERAL_OR_LINKY = /"(?:[^"\\]|\\.)*"|[^\s"]*(?:@|:\/\/|\bwww\.)[^\s"]*/g;

/**
 * A sentence holding user strings (narration, a consequence, a summary) as one line of inline Markdown: its quoted
 * literals, and any word holding `@` or an address, in code spans (a code span is the one place GitHub links no
 * mention and no URL); everything else with backslash escapes, so no heading, link, image or HTML can start.
 */
export function markdownSentence(sentence: string): string {
  const line = oneLine(sentence);
  let out = '';
  let at = 0;
  for (const match of line.matchAll(LITERAL_OR_LINKY)) {
    if (match[0] === '') continue;
    out += line.slice(at, match.index).replace(MARKDOWN_INLINE, '\\$&') + markdownCode(match[0]);
    at = match.index + match[0].length;
  }
  const rest = (out + line.slice(at).replace(MARKDOWN_INLINE, '\\$&')).replace(/^([ \t]*)([#>+=-]|\d+[.)])/, '$1\\$2');
  return rest;
}

/**
 * The base a report's link is appended to, from an http(s) address: its origin and path only (a query or fragment,
 * which a hostile page address can fill, is left out), characters that could end a Markdown link percent-encoded.
 * Null for anything else (`javascript:`, `data:`, not an address).
 */
export function reportBaseUrl(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const path = url.pathname.replace(/[()[\]<>!*'"`\\ ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `${url.origin}${path}`;
}

/**
 * A user string quoted in narration as a literal: `"…"` with `\"` and `\\` escaped (a `\u{…}` escape of a hidden
 * character is kept as written), line breaks as `\n`, so a call target holding quotes cannot end the literal and
 * rewrite the sentence around it.
 */
export function narrationLiteral(text: string): string {
  // Most targets are plain (`out.txt`): nothing to escape, and the explorer narrates every schedule it runs.
  if (SIMPLE.test(text)) return `"${text}"`;
  const body = visibleText(text)
    .replace(REFUSED, escapeChar)
    .replace(/\\(?!u\{[0-9A-F]{4,6}\})|"/g, '\\$&')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t');
  return `"${body}"`;
}

// ASCII with nothing to escape in a literal, and nothing that makes a word not plain but a space at either end.
const SIMPLE = /^[\w ./~+:?=&%#-]*$/;
// A word narration may show bare: letters, digits, spaces inside, and the punctuation of a path or an address.
const PLAIN_WORDS = /^[\p{L}\p{N}_./~+-](?:[\p{L}\p{N} _./~+:?=&%#-]*[\p{L}\p{N}_./~+-])?$/u;

/** A user string in narration where the sentence shows it bare (a path, a panic message): as it is when it holds
 * only words and path characters, else as a quoted literal, so it cannot add punctuation to the sentence. */
export function narrationText(text: string): string {
  const simple = SIMPLE.test(text) && /^[\w./~+-]/.test(text) && /[\w./~+-]$/.test(text);
  return simple || PLAIN_WORDS.test(text) ? text : narrationLiteral(text);
}
