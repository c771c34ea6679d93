import { describe, expect, it } from 'vitest';
import { nearestDelta } from '../../../src/ui/run/scrolling.ts';

// CSSOM View's `block: 'nearest'` on one axis: the box is [100, 200].
describe('nearestDelta', () => {
  it('leaves a row that already shows where it is', () => {
    expect(nearestDelta(120, 140, 100, 200)).toBe(0);
    expect(nearestDelta(100, 200, 100, 200)).toBe(0);
  });
  it('scrolls a row above the box up to the top edge, one below down to the bottom edge', () => {
    expect(nearestDelta(80, 95, 100, 200)).toBe(-20);
    expect(nearestDelta(250, 270, 100, 200)).toBe(70);
    expect(nearestDelta(190, 210, 100, 200)).toBe(10);
  });
  it('a row taller than the box: the edge that is inside moves to the box edge; one covering the box stays', () => {
    expect(nearestDelta(150, 400, 100, 200)).toBe(50);
    expect(nearestDelta(-100, 150, 100, 200)).toBe(-50);
    expect(nearestDelta(50, 300, 100, 200)).toBe(0);
  });
});
