import { describe, expect, it } from 'vitest';
import { groupedCount } from '../../src/core/counts.ts';

describe('groupedCount', () => {
  it('groups integers as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 1001, 12_345, 100_000, 999_999, 1_000_000, 50_000, 4_294_967_295, -1, -999, -1000, -1_234_567, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER])
      expect(groupedCount(n), String(n)).toBe(n.toLocaleString('en-US'));
  });

  it('leaves fractions and infinities to Intl', () => {
    for (const n of [1.5, 1234.5678, Infinity, -Infinity, Number.NaN, 2 ** 60]) expect(groupedCount(n), String(n)).toBe(n.toLocaleString('en-US'));
  });

  it('writes the digits with commas only', () => {
    expect(groupedCount(1_234_567)).toBe('1,234,567');
    expect(groupedCount(-0)).toBe('0');
  });
});
