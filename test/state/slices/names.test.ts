// The rename box and the Scenario schema must agree on names, or a renamed child would break links and autosave.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_LIMITS, validateScenario } from '../../../src/core/index.ts';
import { CHILD_NAME_PATTERN, MAX_SOURCE_CHARS } from '../../../src/state/slices/scenario.ts';

function schemaAccepts(name: string): boolean {
  const result = validateScenario({ version: 1, parent: { source: '' }, children: [{ name, source: '' }] });
  return result.value !== null;
}

describe('child names', () => {
  it('accepts in the UI exactly the names the schema accepts', () => {
    const names = fc.oneof(fc.string({ maxLength: 70 }), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,70}$/));
    fc.assert(
      fc.property(names.filter((n) => n !== 'parent'), (name) => CHILD_NAME_PATTERN.test(name) === schemaAccepts(name)),
      { numRuns: 500 },
    );
  });

  it.each([
    ['alpha', true],
    ['my-child', false],
    ['_x9', true],
    ['9x', false],
    ['a'.repeat(SCENARIO_LIMITS.MAX_NAME_CHARS), true],
    ['a'.repeat(SCENARIO_LIMITS.MAX_NAME_CHARS + 1), false],
  ])('%s → %s', (name, ok) => {
    expect(CHILD_NAME_PATTERN.test(name)).toBe(ok);
    expect(schemaAccepts(name)).toBe(ok);
  });
});

describe('source length', () => {
  it('the editor refuses exactly past the limit the schema has', () => {
    expect(MAX_SOURCE_CHARS).toBe(SCENARIO_LIMITS.MAX_SOURCE_CHARS);
    const at = (n: number) => validateScenario({ version: 1, parent: { source: 'x'.repeat(n) }, children: [] }).value !== null;
    expect(at(MAX_SOURCE_CHARS)).toBe(true);
    expect(at(MAX_SOURCE_CHARS + 1)).toBe(false);
  });
});
