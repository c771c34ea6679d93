// Hardening (issue 8): no source under src/ writes HTML from strings — no innerHTML/outerHTML assignment,
// dangerouslySetInnerHTML, insertAdjacentHTML, document.write, createContextualFragment or srcdoc — and Monaco's
// Markdown (hovers carry user text) is never trusted nor allowed raw HTML. React's text rendering escapes
// everything else. The page's CSP forbids inline script besides; this scan keeps the sources honest.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(?:tsx?|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** Each way to turn a string into markup, with the name a failure prints. */
const HTML_SINKS: [string, RegExp][] = [
  ['innerHTML/outerHTML', /\.\s*(?:inner|outer)HTML\b/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\s*\.\s*write(?:ln)?\s*\(/],
  ['createContextualFragment', /createContextualFragment/],
  ['srcdoc', /\bsrc[dD]oc\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['trusted Markdown', /\bisTrusted\s*:\s*true\b/],
  ['Markdown with raw HTML', /\bsupportHtml\s*:\s*true\b/],
];

/** The sinks found in `source` (comments included: a commented-out sink is still worth a look). */
function htmlSinks(source: string): string[] {
  return HTML_SINKS.filter(([, pattern]) => pattern.test(source)).map(([name]) => name);
}

describe('no HTML from strings in src/', () => {
  const files = walk(SRC);

  it('finds the sources to scan, the UI among them', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.endsWith(join('ui', 'App.tsx')))).toBe(true);
  });

  it('recognises every sink it looks for (and plain text as none)', () => {
    const samples = [
      'el.innerHTML = name',
      'node.outerHTML',
      '<div dangerouslySetInnerHTML={{ __html: text }} />',
      "el.insertAdjacentHTML('beforeend', text)",
      'document.write(text)',
      'range.createContextualFragment(text)',
      'iframe.srcdoc = text',
      "new DOMParser().parseFromString(text, 'text/html')",
      '{ value, isTrusted: true }',
      '{ value, supportHtml: true }',
    ];
    expect(samples.map((s) => htmlSinks(s)).map((found) => found.length)).toEqual(samples.map(() => 1));
    expect(htmlSinks('el.textContent = name; <p>{name}</p>; { value, isTrusted: false }')).toEqual([]);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s writes no HTML from strings', (_name, file) => {
    expect(htmlSinks(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
