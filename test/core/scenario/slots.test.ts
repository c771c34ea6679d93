import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AMBIENT_SLOT_NAMES, isAmbientSlotName } from '../../../src/core/index.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const seed = readFileSync(resolve(repoRoot, '../shared/seeds/ambient_scope.rs'), 'utf8');

// The names of AMBIENT_THREAD_LOCAL_CATALOG, in order, read from the seed itself.
function seedCatalogNames(): string[] {
  const start = seed.indexOf('const AMBIENT_THREAD_LOCAL_CATALOG');
  const end = seed.indexOf('];', start);
  const body = seed.slice(start, end);
  return [...body.matchAll(/\(\s*"([A-Z_]+)",\s*AmbientScoping::/g)].map((match) => match[1]!);
}

describe('AMBIENT_SLOT_NAMES', () => {
  it('lists exactly the seed catalog, in catalog order', () => {
    const names = seedCatalogNames();
    expect(names).toHaveLength(28);
    expect([...AMBIENT_SLOT_NAMES]).toEqual(names);
  });

  it('recognizes catalog names only, case-sensitively', () => {
    expect(isAmbientSlotName('VM_EXECUTION_CONTEXT')).toBe(true);
    expect(isAmbientSlotName('vm_execution_context')).toBe(false);
    expect(isAmbientSlotName('toString')).toBe(false);
  });
});
