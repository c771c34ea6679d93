// The incremental collector must equal `collectHandoffEffects` everywhere: on every corpus program, with its
// statement memory carried across programs, and along long runs of random edits (the keystrokes it exists for).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectHandoffEffects } from '../../../src/core/analysis/effects.ts';
import { createIncrementalEffects, type IncrementalEffects } from '../../../src/core/analysis/incremental.ts';
import { parse } from '../../../src/core/syntax/index.ts';
import { corpusRoot, listHarnFiles } from '../syntax/corpus.ts';
import { edit, random } from './edits.ts';

const sources = ['harn', 'harn-rejected'].flatMap((dir) => listHarnFiles(join(corpusRoot, dir)).map((file) => readFileSync(join(corpusRoot, dir, file), 'utf8')));

/** Both collections of `source`, as JSON (effects, then sites in order). */
function both(collector: IncrementalEffects, source: string): [incremental: string, full: string] {
  const parsed = parse(source);
  return [JSON.stringify(collector.collect(parsed, source)), JSON.stringify(collectHandoffEffects(parsed))];
}

describe('incremental effect collection', () => {
  it('equals collectHandoffEffects on every corpus program, from a fresh collector', () => {
    expect(sources.length).toBeGreaterThan(400);
    for (const source of sources) {
      const [incremental, full] = both(createIncrementalEffects(), source);
      expect(incremental).toBe(full);
    }
  });

  it('equals it with one collector carried from program to program (statements remembered across them)', () => {
    const collector = createIncrementalEffects();
    let withEffects = 0;
    for (const source of [...sources, ...sources.slice().reverse()]) {
      const [incremental, full] = both(collector, source);
      expect(incremental).toBe(full);
      if (full !== 'null' && full !== '[]') withEffects++;
    }
    expect(withEffects).toBeGreaterThan(300);
  });

  it('equals it along runs of random edits, one collector per run', () => {
    const next = random(20261122);
    const programs = sources.filter((source) => /\b(pipeline|fn|tool)\b/.test(source));
    let steps = 0;
    let parsed = 0;
    for (let run = 0; run < 80; run++) {
      let source = programs[Math.floor(next() * programs.length)]!;
      let lastParsed = source;
      const collector = createIncrementalEffects();
      for (let step = 0; step < 40; step++) {
        source = edit(source, next);
        const [incremental, full] = both(collector, source);
        if (incremental !== full) expect({ run, step, source, incremental }).toEqual({ run, step, source, incremental: full });
        steps++;
        if (full !== 'null') {
          parsed++;
          lastParsed = source;
        } else if (next() < 0.8) {
          source = lastParsed; // the user fixes the typo (the next step compares this again)
        }
      }
    }
    expect(steps).toBe(3200);
    // Most steps must parse, or the comparison would mostly be null against null.
    expect(parsed).toBeGreaterThan(2000);
  });

  it('places a repeated statement at each of its offsets and follows it when text above it moves', () => {
    const body = '  write_file("out.txt", x)\n  harness.net.post("https://a.test")\n';
    const source = `pipeline main(harness) {\n${body}${body}}\n`;
    const collector = createIncrementalEffects();
    const sitesOf = (text: string) => collector.collect(parse(text), text)!.map((item) => item.sites.map((site) => text.slice(site.start, site.end)));
    expect(sitesOf(source)).toEqual([
      ['write_file("out.txt", x)', 'write_file("out.txt", x)'],
      ['harness.net.post("https://a.test")', 'harness.net.post("https://a.test")'],
    ]);
    const moved = source.replace('pipeline main(harness) {\n', 'pipeline main(harness) {\n  let pad = 1\n');
    const [incremental, full] = both(collector, moved);
    expect(incremental).toBe(full);
    expect(sitesOf(moved)[0]).toEqual(['write_file("out.txt", x)', 'write_file("out.txt", x)']);
  });

  it('reports unknown effects (null) for a program that does not parse, and recovers after the fix', () => {
    const collector = createIncrementalEffects();
    const good = 'pipeline main() {\n  read_file("a.txt")\n}\n';
    const broken = good.replace('("a.txt")', '("a.txt"');
    expect(collector.collect(parse(broken), broken)).toBeNull();
    const [incremental, full] = both(collector, good);
    expect(incremental).toBe(full);
    expect(JSON.parse(incremental)).toHaveLength(1);
  });
});
