import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import {
  decodeLink,
  loadScenario,
  migrateScenario,
  MIGRATIONS,
  type MigrationChain,
} from '../../../src/core/index.ts';
import { base64urlEncode } from '../../../src/core/scenario/base64url.ts';

// An imaginary version 0 that called children "workers" and the parent's source "code": the mechanism is
// tested with this injected chain, the real chain stays free of fakes.
const V0_CHAIN: MigrationChain = {
  0: (raw) => {
    const parent = raw.parent as { code: string };
    const { workers, parent: _old, ...rest } = raw;
    return { ...rest, parent: { source: parent.code }, children: workers };
  },
};

const V0_SCENARIO = {
  version: 0,
  parent: { code: 'pipeline main() {}' },
  workers: [{ name: 'alpha', source: '' }],
};

const linkOf = (version: number, value: unknown): string =>
  `#s=${version}.${base64urlEncode(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }))}`;

describe('migrateScenario', () => {
  it('has no real migrations while version 1 is the only format', () => {
    expect(Object.keys(MIGRATIONS)).toEqual([]);
  });

  it('applies each step of the chain in order and stamps each version', () => {
    const seen: number[] = [];
    const chain: MigrationChain = {
      0: (raw) => (seen.push(raw.version as number), { ...raw, a: 1 }),
      1: (raw) => (seen.push(raw.version as number), { ...raw, b: (raw.a as number) + 1 }),
    };
    expect(migrateScenario({ version: 0 }, 0, chain, 2)).toEqual({
      value: { version: 2, a: 1, b: 2 },
      error: null,
    });
    expect(seen).toEqual([0, 1]);
  });

  it('leaves current-version input as it is', () => {
    expect(migrateScenario({ version: 1, x: 1 }, 1)).toEqual({ value: { version: 1, x: 1 }, error: null });
  });

  it('reports a missing step, a throwing step and a non-object result without throwing', () => {
    expect(migrateScenario({}, 0, {}).error).toBe(
      'version 0 scenarios cannot be opened: there is no migration from version 0 to 1',
    );
    const throwing: MigrationChain = {
      0: () => {
        throw new Error('boom');
      },
    };
    expect(migrateScenario({}, 0, throwing).error).toBe('migrating from version 0 failed: boom');
    const broken = { 0: () => [] } as unknown as MigrationChain;
    expect(migrateScenario({}, 0, broken).error).toBe('migrating from version 0 did not produce an object');
    expect(migrateScenario('text', 0, V0_CHAIN).error).toBe('expected a scenario object');
    expect(migrateScenario({}, 2, V0_CHAIN).error).toBe('cannot migrate from version 2 to version 1');
  });
});

describe('opening old scenarios', () => {
  it('loads an old scenario file through an injected chain', () => {
    const result = loadScenario(V0_SCENARIO, V0_CHAIN);
    expect(result.errors).toEqual([]);
    expect(result.value?.parent.source).toBe('pipeline main() {}');
    expect(result.value?.children.map((c) => c.name)).toEqual(['alpha']);
  });

  it('opens an old link through an injected chain and refuses it with the real one', () => {
    const link = linkOf(0, V0_SCENARIO);
    const opened = decodeLink(link, { migrations: V0_CHAIN });
    expect(opened.error).toBeNull();
    expect(opened.value?.children.map((c) => c.name)).toEqual(['alpha']);
    expect(decodeLink(link).error).toEqual({
      kind: 'bad-version',
      message: 'links of version 0 cannot be opened: there is no migration from version 0 to 1',
      details: { version: 0 },
    });
  });

  it('reports the migrated result that is still invalid as a schema error naming the field', () => {
    const link = linkOf(0, { version: 0, parent: { code: 5 }, workers: [] });
    const result = decodeLink(link, { migrations: V0_CHAIN });
    expect(result.error?.kind).toBe('schema');
    expect(result.error?.message).toBe(
      'the link holds an invalid scenario: parent.source: expected a string (the program text), got 5',
    );
  });
});
