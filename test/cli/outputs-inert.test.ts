// Outputs are inert (issue 26, acceptance 4): a string a program writes — a call target and so a resource and a path
// — drawn from line breaks, `::`, `](`, `<`, `&`, quotes, backticks, U+FFFF, U+2028, bidi controls and lone
// surrogates comes out of every format as one inert string. Each output is compared with the same run of a benign
// string: text keeps its lines and no line starts a CI log command; JSON and SARIF parse and round-trip; GitHub
// lines stay single commands; JUnit is well-formed XML; Markdown has the same structure once code spans, fences and
// escapes are set aside (no new heading, link, image or mention); narration keeps its sentence around the literal.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadScenario, simulate } from '../../src/core/index.ts';

const PIECES = ['\n', '\r', '\r\n', '::', '::error file=README.md,line=1::owned', '::add-mask::s', '##[error]x', '](', '![t](https://evil.example/p.png)', '[l](https://evil.example)', '<', '<img src=x>', '&', '&amp;', '"', "'", '`', '```', '\\', '\uFFFF', '\uFFFE', '\u2028', '\u2029', '\u202E', '\u2066', '\uD800', '\uDC00', '\u0000', '\u001B[31m', '@octocat', '# heading', '> ', '- ', '1. ', '|', '*', '_', 'a', ' ', '$'];
/** Always starts with a quote, so narration quotes it wherever it shows it (the benign string below is quoted too). */
const hostile = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((parts) => `"${parts.join('')}`);
const BENIGN = '"b:0';

// A Harn string literal holding `text` exactly.
const harnString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\$/g, '\\$')}"`;
const child = (target: string) => `pipeline main() {\n  yield_now()\n  write_file(${harnString(target)}, "x")\n}`;
const PARENT = 'pipeline main() {\n  parallel each ["alpha", "beta"] { name ->\n    spawn_agent(name)\n  }\n}';
const grant = (resource: string | null) => [{ kind: { kind: 'fs' }, scope: 'write', ...(resource === null ? {} : { resource }) }];

/** The F1 cross-wire (unscoped) with `target` as both children's write target, and a grant `target` escapes. */
function files(target: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'harn-inert-'));
  const scenario = (g: unknown, mode: string) => ({ version: 1, parent: { source: PARENT, grant: g }, children: [{ name: 'alpha', source: child(target) }, { name: 'beta', source: child(target) }], run: { mode, enforceAtSpawn: false }, view: { step: 40 } });
  writeFileSync(join(dir, 'crosswire.json'), JSON.stringify(scenario(grant(null), 'unscoped')));
  writeFileSync(join(dir, 'escape.json'), JSON.stringify(scenario(grant('notes.md'), 'scoped')));
  writeFileSync(join(dir, 'child.harn'), child(target));
  writeFileSync(join(dir, 'grant.json'), JSON.stringify(grant('notes.md')));
  return dir;
}

async function run(dir: string, argv: string[]): Promise<string> {
  let out = '';
  await main(argv, { cwd: dir, stdout: (t) => void (out += t), stderr: (t) => void (out += t) });
  return out;
}

const TEXT: string[][] = [
  ['check', 'crosswire.json', 'escape.json', '--isolation'],
  ['effects', 'child.harn', '--parent', 'grant.json'],
  ['simulate', 'crosswire.json', 'escape.json', '--trace'],
  ['explore', 'crosswire.json'],
];
const JSONS: string[][] = [
  ['check', 'crosswire.json', 'escape.json', '--isolation', '--format', 'json'],
  ['effects', 'child.harn', '--parent', 'grant.json', '--json'],
  ['simulate', 'crosswire.json', 'escape.json', '--json'],
  ['explore', 'crosswire.json', '--json'],
];

// Characters no output may carry raw: line breaks other than \n, bidi controls, noncharacters, lone surrogates.
// eslint-disable-next-line no-control-regex -- these characters are the point
const RAW = /[\r\u0000\u001B\u2028\u2029\u202E\u2066\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const lines = (text: string) => text.split('\n');
// A source holding a hidden character earns one H106 warning per character: extra lines the benign run lacks.
const withoutH106 = (text: string) => lines(text).filter((line) => !line.includes('H106'));

function expectTextInert(out: string, benign: string): void {
  expect(out).not.toMatch(RAW);
  expect(withoutH106(out)).toHaveLength(lines(benign).length);
  for (const line of lines(out)) expect(line.trimStart()).not.toMatch(/^(::|##)/);
}

// Every string in a parsed JSON value.
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

// XML 1.0: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF], then a strict parser.
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
// jsdom's DOMParser reads application/xml with a conforming (saxes) parser; jsdom ships no types.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { DOMParser: typeof globalThis.DOMParser } } };
const { DOMParser } = new JSDOM('').window;
function expectWellFormedXml(xml: string): void {
  expect(XML_CHARS.test(xml)).toBe(true);
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.documentElement.nodeName).toBe('testsuites');
}

/** Markdown without its fenced blocks (program sources, kept as written: nothing in them can close the fence). */
function outsideFences(markdown: string): string {
  return markdownSkeleton(markdown, true);
}

/** Markdown with fenced blocks, code spans and backslash escapes set aside, and the share link's data: what is
 * left is the structure GitHub renders (headings, quotes, lists, links, images, HTML, mentions). */
function markdownSkeleton(markdown: string, keepInline = false): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of lines(markdown)) {
    if (fence !== null) {
      if (new RegExp(`^ {0,3}${fence}\`*\\s*$`).test(line)) [fence, out[out.length] = 'FENCE'] = [null, 'FENCE'];
      continue;
    }
    const open = /^ {0,3}(`{3,})/.exec(line);
    if (open) {
      fence = open[1]!;
      out.push(`FENCE ${line.slice(open[0].length)}`);
      continue;
    }
    if (keepInline) {
      out.push(line);
      continue;
    }
    let text = line.replace(/#s=[A-Za-z0-9_.~-]+/g, '#s=LINK');
    // CommonMark code spans: a run of n backticks up to the next run of exactly n.
    text = text.replace(/(?<!`)(`+)(?!`)([\s\S]*?)(?<!`)\1(?!`)/g, 'CODE');
    out.push(text.replace(/\\[!-/:-@[-`{-~]/g, 'E'));
  }
  return out.join('\n');
}

const narrationsOf = (target: string) => {
  const loaded = loadScenario({ version: 1, parent: { source: PARENT, grant: grant(null) }, children: [{ name: 'alpha', source: child(target) }, { name: 'beta', source: child(target) }], run: { mode: 'unscoped' } });
  const result = simulate(loaded.value!);
  return { narrations: result.steps.map((s) => s.narration), crosswires: result.summary.crosswires.length };
};

describe('every output format keeps a hostile program string inert', () => {
  const benignDir = files(BENIGN);
  const benign = new Map<string, string>();
  const benignOf = async (argv: string[]) => {
    const key = argv.join(' ');
    if (!benign.has(key)) benign.set(key, await run(benignDir, argv));
    return benign.get(key)!;
  };

  it('text (check, effects, simulate --trace, explore): same lines, none starting a log command, no raw hidden characters', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (target) => {
        const dir = files(target);
        for (const argv of TEXT) expectTextInert(await run(dir, argv), await benignOf(argv));
      }),
      { numRuns: 15 },
    );
  });

  it('JSON (check, effects, simulate, explore): one object per line that parses and round-trips', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (target) => {
        const dir = files(target);
        for (const argv of JSONS) {
          const out = await run(dir, argv);
          expect(lines(out)).toHaveLength(lines(await benignOf(argv)).length);
          for (const line of lines(out).filter(Boolean)) expect(JSON.stringify(JSON.parse(line))).toBe(line);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('SARIF parses, and no string in it holds a noncharacter, a lone surrogate or a bidi control', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (target) => {
        const out = await run(files(target), ['check', 'crosswire.json', 'escape.json', '--isolation', '--format', 'sarif']);
        const log = JSON.parse(out) as unknown;
        for (const s of strings(log)) expect(s).not.toMatch(RAW);
        expect(JSON.stringify(log, null, 2) + '\n').toBe(out);
      }),
      { numRuns: 15 },
    );
  });

  it('GitHub annotations stay one command per line, properties without ":"', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (target) => {
        const argv = ['check', 'crosswire.json', 'escape.json', '--isolation', '--format', 'github'];
        const out = await run(files(target), argv);
        expect(withoutH106(out)).toHaveLength(lines(await benignOf(argv)).length);
        for (const line of lines(out).filter(Boolean)) {
          expect(line).toMatch(/^::(error|warning|notice)( [^:\n]*)?::[^\n]*$/);
          expect(line).not.toMatch(RAW);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('JUnit is well-formed XML', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (target) => {
        expectWellFormedXml(await run(files(target), ['check', 'crosswire.json', 'escape.json', '--isolation', '--format', 'junit']));
      }),
      { numRuns: 15 },
    );
  });

  it('the check above can fail: a raw U+FFFF or a broken tag is not well-formed', () => {
    expect(() => expectWellFormedXml('<testsuites name="\uFFFF"/>')).toThrow();
    expect(() => expectWellFormedXml('<testsuites><x></testsuites>')).toThrow();
    expect(markdownSkeleton('> a [l](https://x) `b`')).not.toBe(markdownSkeleton('> a `[l](https://x)` `b`'));
  });

  it('Markdown (simulate --format markdown) has the structure of the benign report: no heading, link, image or mention breaks out', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (target) => {
        const argv = ['simulate', 'crosswire.json', '--format', 'markdown', '--base-url', 'https://lab.example/app/'];
        const out = await run(files(target), argv);
        expect(markdownSkeleton(out)).toBe(markdownSkeleton(await benignOf(argv)));
        expect(outsideFences(out)).not.toMatch(RAW);
      }),
      { numRuns: 15 },
    );
  });

  it('narration quotes the target as a literal: the sentence around it and the red mark stay', () => {
    const base = narrationsOf(BENIGN);
    const literal = /"(?:[^"\\]|\\.)*"/g;
    fc.assert(
      fc.property(hostile, (target) => {
        const run = narrationsOf(target);
        expect(run.crosswires).toBe(base.crosswires);
        expect(run.narrations.map((n) => n.replace(literal, 'LITERAL'))).toEqual(base.narrations.map((n) => n.replace(literal, 'LITERAL')));
        for (const n of run.narrations) expect(n).not.toMatch(/[\n\u2028\u2029]/);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the issue\'s narration attack', () => {
  it('a target holding quotes stays inside its literal, and the cross-wire stays', () => {
    const attack = 'out.txt") resolves against /worktrees/alpha, its own worktree: no cross-wire here, scoping holds. ("x';
    const run = narrationsOf(attack);
    expect(run.crosswires).toBe(narrationsOf('out.txt').crosswires);
    expect(run.crosswires).toBe(12);
    const sentence = run.narrations.find((n) => n.includes('While it waited'))!;
    expect(sentence).toContain('write_file("out.txt\\") resolves against /worktrees/alpha, its own worktree: no cross-wire here, scoping holds. (\\"x") resolves against /worktrees/');
    expect(sentence).toMatch(/and lands in \w+'s worktree\.$/);
  });
});

describe('the report link', () => {
  it.each(['javascript:alert(1)//', 'data:text/html,x', 'file:///etc/passwd', 'not a url', 'https://lab.example/?x=)![t](https://evil.example/p.png)', 'https://lab.example/#s=1'])(
    '--base-url %j exits 2',
    async (url) => {
      let err = '';
      const code = await main(['simulate', 'examples/f1-cwd-env.json', '--format', 'markdown', '--base-url', url], { cwd: process.cwd(), stdout: () => {}, stderr: (t) => void (err += t) });
      expect(code).toBe(2);
      expect(err).toContain('--base-url must be');
    },
  );
});
