import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8, zlibSync } from 'fflate';
import {
  decodeLink,
  encodeLink,
  LINK_BUDGET,
  normalizeScenario,
  SCENARIO_LIMITS,
  type LinkErrorKind,
  type ScenarioInput,
} from '../../../src/core/index.ts';
import { base64urlDecode, base64urlEncode } from '../../../src/core/scenario/base64url.ts';
import { createDefaultScenario } from '../../../src/state/defaultScenario.ts';

const SCENARIO: ScenarioInput = {
  version: 1,
  parent: { source: 'pipeline main() {\n  spawn_agent("alpha")\n}\n' },
  children: [
    {
      name: 'alpha',
      source: 'pipeline main() {\n  write_file("a.txt", "x")\n}\n',
      ceiling: { side_effect_level: 'read_only' },
    },
  ],
  run: { mode: 'unscoped' },
};
const LINK = encodeLink(SCENARIO);
const DATA = LINK.slice(LINK.indexOf('.') + 1);

const payload = (bytes: Uint8Array, version = 1): string => `#s=${version}.${base64urlEncode(bytes)}`;
const deflated = (text: string): Uint8Array => deflateSync(strToU8(text), { level: 9 });

describe('encodeLink', () => {
  it('makes a #s=<version>.<base64url> fragment that decodes to the normalized scenario', () => {
    expect(LINK).toMatch(/^#s=1\.[A-Za-z0-9_-]+$/);
    expect(decodeLink(LINK)).toEqual({ value: normalizeScenario(SCENARIO), error: null });
  });

  it('leaves defaults out, so a normalized scenario and its minimal input give the same link', () => {
    expect(encodeLink(normalizeScenario(SCENARIO))).toBe(LINK);
  });

  it('keeps the default playground scenario well inside the link budget', () => {
    expect(encodeLink(createDefaultScenario()).length).toBeLessThan(LINK_BUDGET);
  });
});

describe('decodeLink accepts', () => {
  it.each([
    ['a fragment', LINK],
    ['a full URL', `https://lab.example/play/?x=1${LINK}`],
    ['a bare s= parameter', LINK.slice(1)],
    ['surrounding whitespace', `  ${LINK}\n`],
    ['other fragment parameters', `#theme=dark&${LINK.slice(1)}&x=y`],
  ])('%s', (_what, text) => {
    expect(decodeLink(text).value).toEqual(normalizeScenario(SCENARIO));
  });
});

// One row per error kind: the input and the exact message the user sees.
const ERRORS: [LinkErrorKind, string, string][] = [
  ['empty', '   ', 'the link is empty'],
  [
    'no-payload',
    'https://lab.example/play/',
    'no scenario in this link: expected a "#s=<version>.<data>" fragment',
  ],
  ['no-payload', '#s=', 'the link\'s "s=" parameter is empty'],
  ['no-payload', '#s=1.', 'the link has a version (1) but no data after it'],
  [
    'bad-version',
    '#s=v1.abc',
    'the link does not start with a format version: expected "s=<version>.<data>", got "s=v1.abc"',
  ],
  [
    'bad-version',
    '#s=0.abcd',
    'links of version 0 cannot be opened: there is no migration from version 0 to 1',
  ],
  [
    'future-version',
    '#s=2.abcd',
    'this link was made by a newer Harn Scope Lab (version 2); this one opens versions up to 1',
  ],
  [
    'not-base64',
    `#s=1.${DATA.slice(0, 5)}+${DATA.slice(6)}`,
    'the link data is not valid base64url at character 6 ("+")',
  ],
  ['not-base64', `#s=1.${DATA.slice(0, 5)}😀`, 'the link data is not valid base64url at character 6 ("😀")'],
  [
    'not-base64',
    `#s=1.${'A'.repeat(4 * 10 + 1)}`,
    'the link data ends in the middle of a character group: it was probably cut off when copied (copy the whole link)',
  ],
  [
    'not-deflate',
    payload(deflated(JSON.stringify(SCENARIO)).subarray(0, 20)),
    'the link data ends before anything in it could be read: it was cut off when copied, or it is not a Harn Scope Lab link',
  ],
  [
    'not-deflate',
    payload(deflated(JSON.stringify(SCENARIO)).subarray(0, 60)),
    'the link data ends early: it was probably cut off when copied (copy the whole link)',
  ],
  // Issue "Hardening": random data and zlib streams are not called "cut off".
  ['not-deflate', payload(new Uint8Array(Array.from({ length: 120 }, (_, i) => (i * 53 + 13) % 256))), 'the link data decompresses to data that is not a scenario: it was not made by Harn Scope Lab'],
  ['not-deflate', payload(zlibSync(strToU8(JSON.stringify(SCENARIO)))), 'the link data is a zlib stream, not the raw deflate that Harn Scope Lab links hold'],
  [
    'not-deflate',
    payload(new Uint8Array([0xff, 0xff, 0xff, 0x00])),
    'the link data is corrupted (invalid block type)',
  ],
  [
    'too-large',
    `#s=1.${'A'.repeat(SCENARIO_LIMITS.MAX_LINK_CHARS)}`,
    'the link is 100,005 characters, over the 100,000-character limit',
  ],
  ['not-json', payload(deflated('{"version": 1, ')), 'the link data is not a scenario in JSON: '],
  [
    'not-json',
    payload(deflateSync(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))),
    'the link data is not a scenario in JSON: ',
  ],
  [
    'schema',
    payload(deflated('{"version":1,"parent":{"source":""},"children":[{"name":"a b","source":""}]}')),
    'the link holds an invalid scenario: children[0].name: expected an identifier',
  ],
  ['schema', payload(deflated('[1,2]')), 'the link cannot be opened: expected a scenario object'],
];

describe('decodeLink refuses', () => {
  it.each(ERRORS)('with %s: %s', (kind, text, message) => {
    const result = decodeLink(text);
    expect(result.value).toBeNull();
    expect(result.error?.kind).toBe(kind);
    expect(result.error?.message.startsWith(message)).toBe(true);
  });

  it('marks a cut-off link as truncated, in the base64 text or in the deflate stream', () => {
    for (let cut = LINK.length - 1; cut > 6; cut -= 7) {
      const error = decodeLink(LINK.slice(0, cut)).error;
      expect(error?.kind).toMatch(/^not-(base64|deflate)$/);
      expect(error?.details?.truncated).toBe(true);
    }
  });

  it('names the position of the first bad character', () => {
    expect(decodeLink(`#s=1.ab=c`).error?.details).toEqual({ position: 2 });
  });

  it('lists every schema error in the details', () => {
    const text = payload(deflated('{"version":1,"parent":{"source":5},"run":{"mode":"x"}}'));
    const error = decodeLink(text).error;
    expect(error?.message).toBe(
      'the link holds an invalid scenario: parent.source: expected a string (the program text), got 5 (and 1 more)',
    );
    expect(error?.details?.errors).toHaveLength(2);
  });

  it('stops inflating a decompression bomb at the limit instead of allocating it', () => {
    const bomb = deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
    const text = payload(bomb);
    expect(text.length).toBeLessThan(SCENARIO_LIMITS.MAX_LINK_CHARS);
    const before = process.memoryUsage().arrayBuffers;
    const result = decodeLink(text);
    expect(result.error?.kind).toBe('bomb');
    expect(result.error?.message).toBe(
      'the link data inflates to more than 2 MB, the limit for a scenario (a decompression bomb?)',
    );
    // The 64 MB of zeros were never held: at most the limit plus one chunk's worth was.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });
});

describe('base64url', () => {
  it('round-trips every length of byte string, without padding', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 13) & 255);
      const text = base64urlEncode(bytes);
      expect(text).not.toContain('=');
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(base64urlDecode(text)).toEqual({ kind: 'ok', bytes });
    }
  });
});
