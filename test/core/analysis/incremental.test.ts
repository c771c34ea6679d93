// The incremental collector must equal `collectHandoffEffects` everywhere: on every corpus program, with its
// statement memory carried across programs, and along long runs of random edits (the keystrokes it exists for).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectHandoffEffects } from '../../../src/core/analysis/effects.ts';
import { createIncrementalEffects, type IncrementalEffects } from '../../../src/core/analysis/incremental.ts';
import { parse } from '../../../src/core/syntax/index.ts';
import { corpusRoot, listHarnFiles } from '../syntax/corpus.ts';

const sources = ['harn', 'harn-rejected'].flatMap((dir) => listHarnFiles(join(corpusRoot, dir)).map((file) => readFileSync(join(corpusRoot, dir, file), 'utf8')));

/** Both collections of `source`, as JSON (effects, then sites in order). */
function both(collector: IncrementalEffects, source: string): [incremental: string, full: string] {
  const parsed = parse(source);
  return [JSON.stringify(collector.collect(parsed, source)), JSON.stringify(collectHandoffEffects(parsed))];
}

/** A small deterministic generator (mulberry32), so a failure names a reproducible step. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// What typing does: letters inside names and strings, whole statements (with and without effects) added, lines
// deleted or copied, and characters that change tokens and structure (which often leave the program unparsable).
const LETTERS = 'xyz_019';
const STRUCTURAL = ['"', '(', ')', '{', '}', '.', ',', ';', '/*', '*/', '//', '\\', '${', '\n', ' '];
const STATEMENTS = [
  'read_file("notes.txt")',
  'let body = http_get("https://api.example.test/v1")',
  'harness.fs.write_text("out.txt", body)',
  'harness.net.post("https://hooks.example.test", {a: 1})',
  'llm_call("hi", {provider: "anthropic", model: "claude"})',
  'if ok { exec("make") } else { harness.stdio.println("no") }',
  'for f in list_dir("d") { harness.fs.delete(f) }',
  'with_execution_policy(p, { -> write_file("x", "y") })',
  'println("plain")',
  'let n = 1 + 2',
];

function lineBounds(source: string, at: number): [number, number] {
  const start = source.lastIndexOf('\n', at - 1) + 1;
  const end = source.indexOf('\n', at);
  return [start, end < 0 ? source.length : end + 1];
}

function edit(source: string, next: () => number): string {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const at = Math.floor(next() * (source.length + 1));
  const [lineStart, lineEnd] = lineBounds(source, at);
  const choice = next();
  if (choice < 0.3) return source.slice(0, at) + pick([...LETTERS]) + source.slice(at);
  if (choice < 0.55) return `${source.slice(0, lineStart)}  ${pick(STATEMENTS)}\n${source.slice(lineStart)}`;
  if (choice < 0.7) return source.slice(0, lineStart) + source.slice(lineEnd);
  if (choice < 0.85) return source.slice(0, lineStart) + source.slice(lineStart, lineEnd) + source.slice(lineStart);
  if (choice < 0.93) return source.slice(0, at) + pick(STRUCTURAL) + source.slice(at);
  return source.slice(0, at) + source.slice(at + 1 + Math.floor(next() * 4));
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
