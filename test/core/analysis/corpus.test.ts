// The analysis over every corpus program and over mutated sources: never throws, canonical order,
// serde JSON round trip, sites inside the source, the site-tracking path agreeing with the seed path.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeProgram,
  analyzeScenario,
  canonicalizeEffects,
  computeHandoffEffects,
  effectsFromJson,
  effectsToJson,
  scenarioHovers,
} from '../../../src/core/analysis/index.ts';
import { parse } from '../../../src/core/syntax/index.ts';
import { harnFiles } from '../../helpers/corpus.ts';

const files = harnFiles();

describe('analysis over the corpus', () => {
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(400);
  });

  it('gives canonical, round-trippable effects for every program, and sites that point at calls', () => {
    let withEffects = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const parsed = parse(source);
      const effects = computeHandoffEffects(parsed);
      expect(effects, file).toEqual(canonicalizeEffects(effects));
      expect(effectsFromJson(effectsToJson(effects)).value, file).toEqual(effects);
      const analysis = analyzeProgram(parsed, null);
      expect(analysis.granted.map((g) => g.effect), file).toEqual(effects);
      for (const item of analysis.requested) {
        for (const site of item.sites) {
          expect(site.start >= 0 && site.end <= source.length && site.start < site.end, file).toBe(true);
          expect(source.slice(site.start, site.end), file).toMatch(/\)$/);
        }
      }
      if (effects.length > 0) withEffects++;
    }
    expect(withEffects).toBeGreaterThan(100);
  });
});

describe('analysis on mutated sources', () => {
  const seeds = files.filter((_, i) => i % 25 === 0).map((f) => readFileSync(f, 'utf8'));

  it('never throws and keeps every span inside the source, whatever the edit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 12 }),
        (which, a, b, insert) => {
          const base = seeds[which]!;
          const start = a % (base.length + 1);
          const end = Math.min(base.length, start + (b % 40));
          const source = base.slice(0, start) + insert + base.slice(end);
          const input = { parent: { name: 'p', source: base }, children: [{ name: 'c', source, ceiling: { side_effect_level: 'workspace_write' } }] };
          const result = analyzeScenario(input);
          const child = result.children[0]!;
          for (const d of child.diagnostics) expect(d.span.start >= 0 && d.span.end <= source.length).toBe(true);
          for (const h of scenarioHovers(input, result, 'c')) expect(h.span.end <= source.length).toBe(true);
          if (!child.parsed) expect(child.requested).toEqual([]);
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });
});
