import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import {
  AMBIENT_SLOT_NAMES,
  decodeLink,
  encodeLink,
  LATENCY_KEYS,
  minimizeScenario,
  validateScenario,
  type ScenarioInput,
} from '../../../src/core/index.ts';
import { base64urlEncode } from '../../../src/core/scenario/base64url.ts';

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/);
// Sources: any code points (astral ones included), grapheme clusters, and the characters JSON must escape.
const source = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\t', '\u0000', '\u2028', '😀', '𝔘'), maxLength: 40 }),
);
const ceiling = fc.option(
  fc.record(
    {
      capabilities: fc.dictionary(
        fc.string({ maxLength: 12 }),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
        { maxKeys: 4 },
      ),
      side_effect_level: fc.option(fc.string({ maxLength: 16 })),
      tools: fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }),
    },
    { requiredKeys: [] },
  ),
);
const grantRecord = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
const ticks = fc.integer({ min: 0, max: 1_000_000 });

/** Any valid external scenario: optional fields omitted at random (`children` stays, since picks and tab name
 * children; inputs without it are covered in defaults.test.ts). */
const scenarioInput: fc.Arbitrary<ScenarioInput> = fc
  .record({
    parentName: fc.option(name, { nil: undefined }),
    childNames: fc.uniqueArray(name, { maxLength: 8 }),
  })
  .filter(({ parentName, childNames }) => !childNames.includes(parentName ?? 'parent'))
  .chain(({ parentName, childNames }) => {
    const tasks = [parentName ?? 'parent', ...childNames];
    const schedule = fc.oneof(
      fc.constant({ kind: 'fifo' as const }),
      fc.record({ kind: fc.constant('random' as const), seed: fc.integer({ min: 0, max: 0xffff_ffff }) }),
      fc.record({
        kind: fc.constant('picks' as const),
        picks: fc.array(fc.constantFrom(...tasks), { maxLength: 12 }),
      }),
    );
    const latency = fc.record(
      Object.fromEntries(LATENCY_KEYS.map((key) => [key, ticks])) as Record<
        (typeof LATENCY_KEYS)[number],
        typeof ticks
      >,
      {
        requiredKeys: [],
      },
    );
    return fc.record(
      {
        version: fc.constant(1 as const),
        parent: fc.record(
          {
            name: fc.constant(parentName),
            source,
            grant: fc.option(fc.array(grantRecord, { maxLength: 3 })),
          },
          { requiredKeys: ['name', 'source'] },
        ),
        children: fc.tuple(
          ...childNames.map((childName) =>
            fc.record(
              { name: fc.constant(childName), source, ceiling },
              { requiredKeys: ['name', 'source'] },
            ),
          ),
        ),
        run: fc.record(
          {
            mode: fc.constantFrom('scoped' as const, 'unscoped' as const, 'naive' as const),
            captured: fc.option(fc.shuffledSubarray([...AMBIENT_SLOT_NAMES])),
            schedule,
            latency,
            enforceAtSpawn: fc.boolean(),
            maxSteps: fc.integer({ min: 1_000_000, max: 10_000_000 }),
          },
          { requiredKeys: [] },
        ),
        view: fc.record(
          { step: fc.integer({ min: 0, max: 100_000 }), tab: fc.option(fc.constantFrom(...tasks)) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['version', 'parent', 'children'] },
    );
  })
  .map((input) => JSON.parse(JSON.stringify(input)) as ScenarioInput); // drop undefined name fields

describe('scenario properties', () => {
  it('accepts every valid scenario, and its link decodes to the same normalized scenario', () => {
    fc.assert(
      fc.property(scenarioInput, (input) => {
        const validated = validateScenario(input);
        expect(validated.errors).toEqual([]);
        const decoded = decodeLink(encodeLink(validated.value!));
        expect(decoded.error).toBeNull();
        expect(decoded.value).toEqual(validated.value);
        expect(validateScenario(minimizeScenario(validated.value!)).value).toEqual(validated.value);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips lone surrogates in sources (JSON escapes them)', () => {
    const input: ScenarioInput = { version: 1, parent: { source: 'a\ud800b\udfffc' } };
    expect(decodeLink(encodeLink(input)).value?.parent.source).toBe('a\ud800b\udfffc');
  });
});

const oneOf = (result: { value: unknown; error: unknown }): boolean =>
  (result.value === null) !== (result.error === null);

describe('decoder fuzz', () => {
  const valid = encodeLink({
    version: 1,
    parent: { source: 'pipeline main() { spawn_agent("a") }' },
    children: [{ name: 'a', source: 'pipeline main() { llm_call("x") }', ceiling: { tools: ['t'] } }],
  });

  it('never throws on random strings and gives either a value or an error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string().map((s) => `#s=1.${s}`),
        ),
        (text) => {
          expect(oneOf(decodeLink(text))).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on mutated valid links', () => {
    const mutation = fc.oneof(
      fc
        .record({ at: fc.nat(valid.length), char: fc.string({ minLength: 1, maxLength: 1 }) })
        .map(({ at, char }) => valid.slice(0, at) + char + valid.slice(at + 1)),
      fc
        .record({ at: fc.nat(valid.length), len: fc.nat(20) })
        .map(({ at, len }) => valid.slice(0, at) + valid.slice(at + len)),
      fc
        .record({ at: fc.nat(valid.length), text: fc.string({ maxLength: 8 }) })
        .map(({ at, text }) => valid.slice(0, at) + text + valid.slice(at)),
      fc.nat(valid.length).map((at) => valid.slice(0, at)),
    );
    fc.assert(
      fc.property(mutation, (text) => {
        expect(oneOf(decodeLink(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on random bytes or random JSON behind a valid header', () => {
    const bytes = fc.uint8Array({ maxLength: 300 }).map((data) => `#s=1.${base64urlEncode(data)}`);
    const json = fc
      .jsonValue()
      .map((value) => `#s=1.${base64urlEncode(deflateSync(strToU8(JSON.stringify(value))))}`);
    fc.assert(
      fc.property(fc.oneof(bytes, json), (text) => {
        expect(oneOf(decodeLink(text))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws when validating anything', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withMap: true, withBigInt: true }), (value) => {
        const result = validateScenario(value);
        expect(result.value === null).toBe(result.errors.length > 0);
      }),
      { numRuns: 1000 },
    );
  });
});
