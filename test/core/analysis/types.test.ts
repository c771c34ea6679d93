import { describe, expect, it } from 'vitest';
import {
  canonicalizeAnalyzed,
  canonicalizeEffects,
  compareEffects,
  compareRustStrings,
  effectRecord,
  effectsFromJson,
  effectsFromValue,
  effectsToJson,
  effectWithResource,
  llmKind,
  type EffectRecord,
} from '../../../src/core/analysis/types.ts';

const net = (resource?: string): EffectRecord => (resource === undefined ? effectRecord({ kind: 'net' }, 'write') : effectWithResource(effectRecord({ kind: 'net' }, 'write'), resource));

describe('serde JSON shape of every effect kind (byte-exact)', () => {
  it.each<[string, EffectRecord, string]>([
    ['stdio', effectRecord({ kind: 'stdio' }, 'observe'), '{"kind":{"kind":"stdio"},"scope":"observe"}'],
    ['fs', effectWithResource(effectRecord({ kind: 'fs' }, 'read'), '/workspace/src'), '{"kind":{"kind":"fs"},"scope":"read","resource":"/workspace/src"}'],
    ['net', net('https://api.x'), '{"kind":{"kind":"net"},"scope":"write","resource":"https://api.x"}'],
    ['llm with both', effectRecord(llmKind('p', 'm'), 'write'), '{"kind":{"kind":"llm","provider":"p","model":"m"},"scope":"write"}'],
    ['llm model only', effectRecord(llmKind(null, 'm'), 'write'), '{"kind":{"kind":"llm","model":"m"},"scope":"write"}'],
    ['llm bare', effectRecord(llmKind(), 'write'), '{"kind":{"kind":"llm"},"scope":"write"}'],
    ['tool', effectRecord({ kind: 'tool', name: 'search' }, 'read'), '{"kind":{"kind":"tool","name":"search"},"scope":"read"}'],
    ['tool empty name', effectRecord({ kind: 'tool', name: '' }, 'write'), '{"kind":{"kind":"tool","name":""},"scope":"write"}'],
    ['hostcall', effectRecord({ kind: 'hostcall', name: 'process.exec' }, 'write'), '{"kind":{"kind":"hostcall","name":"process.exec"},"scope":"write"}'],
    ['persona', effectRecord({ kind: 'persona', id: 'reviewer' }, 'mutate'), '{"kind":{"kind":"persona","id":"reviewer"},"scope":"mutate"}'],
    ['spawn', effectRecord({ kind: 'spawn' }, 'write'), '{"kind":{"kind":"spawn"},"scope":"write"}'],
  ])('encodes %s', (_name, effect, json) => {
    expect(effectsToJson([effect])).toBe(`[${json}]`);
  });

  it('escapes strings like serde_json (quotes, backslashes, controls as lowercase \\u00xx, non-ASCII verbatim)', () => {
    const effect = effectWithResource(effectRecord({ kind: 'fs' }, 'read'), 'a"b\\c\n\u0001é😀/');
    expect(effectsToJson([effect])).toBe('[{"kind":{"kind":"fs"},"scope":"read","resource":"a\\"b\\\\c\\n\\u0001é😀/"}]');
  });

  it('keeps Rust struct key order even when the TS object was built in another order', () => {
    const effect = { resource: 'r', scope: 'read', kind: { model: 'm', kind: 'llm', provider: 'p' } } as EffectRecord;
    expect(effectsToJson([effect])).toBe('[{"kind":{"kind":"llm","provider":"p","model":"m"},"scope":"read","resource":"r"}]');
  });
});

describe('serde JSON decoding', () => {
  const everyKind =
    '[{"kind":{"kind":"stdio"},"scope":"read"},{"kind":{"kind":"fs"},"scope":"mutate","resource":"src/a"},' +
    '{"kind":{"kind":"net"},"scope":"write","resource":"https://x"},{"kind":{"kind":"llm","provider":"anthropic","model":"claude"},"scope":"write"},' +
    '{"kind":{"kind":"llm","provider":"openai"},"scope":"write"},{"kind":{"kind":"tool","name":"search"},"scope":"write"},' +
    '{"kind":{"kind":"hostcall","name":"env.get"},"scope":"read"},{"kind":{"kind":"persona","id":"rev"},"scope":"observe"},' +
    '{"kind":{"kind":"spawn"},"scope":"write"}]';

  it('loads a hand-written serde list with every kind unchanged', () => {
    const decoded = effectsFromJson(everyKind);
    expect(decoded.errors).toEqual([]);
    expect(effectsToJson(decoded.value!)).toBe(everyKind);
  });

  it('ignores unknown fields in records and kinds, as serde does by default', () => {
    const decoded = effectsFromJson('[{"kind":{"kind":"net","extra":1},"scope":"write","note":"x"},{"kind":{"kind":"tool","name":"t","v":2},"scope":"read"}]');
    expect(effectsToJson(decoded.value!)).toBe('[{"kind":{"kind":"net"},"scope":"write"},{"kind":{"kind":"tool","name":"t"},"scope":"read"}]');
  });

  it('reads resource:null and provider:null as None', () => {
    const decoded = effectsFromJson('[{"kind":{"kind":"llm","provider":null,"model":"m"},"scope":"write","resource":null}]');
    expect(decoded.value).toEqual([{ kind: { kind: 'llm', model: 'm' }, scope: 'write' }]);
  });

  it('keeps an empty resource string as Some("") (only with_resource maps "" to None)', () => {
    expect(effectsFromJson('[{"kind":{"kind":"net"},"scope":"write","resource":""}]').value).toEqual([{ kind: { kind: 'net' }, scope: 'write', resource: '' }]);
    expect(effectWithResource(effectRecord({ kind: 'net' }, 'write'), '')).toEqual({ kind: { kind: 'net' }, scope: 'write' });
  });

  it.each<[string, string, string]>([
    ['{}', '', 'expected a sequence'],
    ['[1]', '[0]', 'invalid type: integer `1`'],
    ['[{"scope":"read"}]', '[0]', 'missing field `kind`'],
    ['[{"kind":{"kind":"net"}}]', '[0]', 'missing field `scope`'],
    ['[{"kind":"net","scope":"read"}]', '[0].kind', 'expected an effect kind map'],
    ['[{"kind":{},"scope":"read"}]', '[0].kind', 'missing field `kind`'],
    ['[{"kind":{"kind":"disk"},"scope":"read"}]', '[0].kind.kind', 'unknown variant `disk`'],
    ['[{"kind":{"kind":"net"},"scope":"peek"}]', '[0].scope', 'unknown variant `peek`'],
    ['[{"kind":{"kind":"net"},"scope":"Read"}]', '[0].scope', 'unknown variant `Read`'],
    ['[{"kind":{"kind":"tool"},"scope":"read"}]', '[0].kind', 'missing field `name`'],
    ['[{"kind":{"kind":"tool","name":null},"scope":"read"}]', '[0].kind.name', 'invalid type: null, expected a string'],
    ['[{"kind":{"kind":"persona","id":3},"scope":"read"}]', '[0].kind.id', 'invalid type: integer `3`'],
    ['[{"kind":{"kind":"llm","model":1.5},"scope":"read"}]', '[0].kind.model', 'floating point `1.5`'],
    ['[{"kind":{"kind":"net"},"scope":"read","resource":true}]', '[0].resource', 'boolean `true`'],
    ['[{"kind":{"kind":"net"},"scope":"read"}, 7]', '[1]', 'invalid type: integer `7`'],
    ['[{"kind":', '', 'not valid JSON'],
  ])('rejects %s at path "%s"', (text, path, message) => {
    const decoded = effectsFromJson(text);
    expect(decoded.value).toBeNull();
    expect(decoded.errors[0]!.path).toBe(path);
    expect(decoded.errors[0]!.message).toContain(message);
  });

  it('effectsFromValue keeps the given order (serde does not sort)', () => {
    const decoded = effectsFromValue([{ kind: { kind: 'spawn' }, scope: 'write' }, { kind: { kind: 'stdio' }, scope: 'read' }]);
    expect(decoded.value!.map((e) => e.kind.kind)).toEqual(['spawn', 'stdio']);
  });
});

describe('ordering (Rust derived Ord) and canonicalisation (BTreeSet)', () => {
  it('orders by kind variant, then fields, then scope, then resource with None first', () => {
    const list: EffectRecord[] = [
      effectRecord({ kind: 'spawn' }, 'write'),
      net('b'),
      effectRecord({ kind: 'persona', id: 'a' }, 'read'),
      net(),
      effectRecord({ kind: 'net' }, 'read'),
      effectRecord(llmKind('p', 'm'), 'write'),
      effectRecord(llmKind(null, 'z'), 'write'),
      effectRecord(llmKind(), 'write'),
      effectRecord(llmKind('p'), 'write'),
      effectRecord({ kind: 'hostcall', name: 'a' }, 'write'),
      effectRecord({ kind: 'tool', name: 'z' }, 'read'),
      effectRecord({ kind: 'fs' }, 'observe'),
      effectRecord({ kind: 'fs' }, 'mutate'),
      effectRecord({ kind: 'stdio' }, 'observe'),
      net('a'),
    ];
    expect(effectsToJson(canonicalizeEffects(list))).toBe(
      '[{"kind":{"kind":"stdio"},"scope":"observe"},{"kind":{"kind":"fs"},"scope":"mutate"},{"kind":{"kind":"fs"},"scope":"observe"},' +
        '{"kind":{"kind":"net"},"scope":"read"},{"kind":{"kind":"net"},"scope":"write"},{"kind":{"kind":"net"},"scope":"write","resource":"a"},' +
        '{"kind":{"kind":"net"},"scope":"write","resource":"b"},{"kind":{"kind":"llm"},"scope":"write"},{"kind":{"kind":"llm","model":"z"},"scope":"write"},' +
        '{"kind":{"kind":"llm","provider":"p"},"scope":"write"},{"kind":{"kind":"llm","provider":"p","model":"m"},"scope":"write"},' +
        '{"kind":{"kind":"tool","name":"z"},"scope":"read"},{"kind":{"kind":"hostcall","name":"a"},"scope":"write"},' +
        '{"kind":{"kind":"persona","id":"a"},"scope":"read"},{"kind":{"kind":"spawn"},"scope":"write"}]',
    );
  });

  it('compares strings by code point like Rust, not by UTF-16 unit: U+1F600 sorts after U+FF5E', () => {
    // In UTF-16 "😀" (D83D DE00) < "～" (FF5E); in UTF-8 / code points it is the other way round.
    expect('😀' < '～').toBe(true);
    expect(compareRustStrings('😀', '～')).toBeGreaterThan(0);
    const sorted = canonicalizeEffects([net('😀'), net('～'), net('a')]);
    expect(sorted.map((e) => e.resource)).toEqual(['a', '～', '😀']);
    expect(compareRustStrings('ab', 'abc')).toBeLessThan(0);
    expect(compareRustStrings('é', 'z')).toBeGreaterThan(0);
    expect(compareRustStrings('😀x', '😀y')).toBeLessThan(0);
    expect(compareRustStrings('a😀', 'a\uFFFF')).toBeGreaterThan(0);
    expect(compareRustStrings('\uFFFF', 'b')).toBeGreaterThan(0);
    expect(compareRustStrings('😀', '😀')).toBe(0);
  });

  it('deduplicates equal records and merges their call sites', () => {
    expect(canonicalizeEffects([net('x'), net('x'), net()])).toEqual([net(), net('x')]);
    const merged = canonicalizeAnalyzed([
      { effect: net('x'), sites: [{ start: 10, end: 20 }] },
      { effect: net(), sites: [{ start: 0, end: 5 }] },
      { effect: net('x'), sites: [{ start: 1, end: 2 }, { start: 10, end: 20 }] },
    ]);
    expect(merged).toEqual([
      { effect: net(), sites: [{ start: 0, end: 5 }] },
      { effect: net('x'), sites: [{ start: 1, end: 2 }, { start: 10, end: 20 }] },
    ]);
    expect(compareEffects(net('x'), net('x'))).toBe(0);
  });
});
