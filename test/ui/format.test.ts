import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLineIndex } from '../../src/core/index.ts';
import { offsetPosition } from '../../src/ui/format.ts';

describe('offsetPosition', () => {
  it('agrees with core’s line index for every offset of arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', 'é', '😀', ' ') }), fc.nat(), (source, n) => {
        const offset = source.length === 0 ? 0 : n % (source.length + 1);
        expect(offsetPosition(source, offset)).toEqual(createLineIndex(source).position(offset));
      }),
    );
  });

  it('clamps offsets outside the source', () => {
    expect(offsetPosition('ab\ncd', 99)).toEqual({ line: 2, column: 3 });
    expect(offsetPosition('ab\ncd', -4)).toEqual({ line: 1, column: 1 });
  });
});
