// examples/<id>.json are the lessons as files for the CLI; they must match the lessons the app opens.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHALLENGES, EXAMPLES, validateScenario } from '../src/core/index.ts';
import { exampleFileText } from '../scripts/export-examples.ts';

const DIR = join(__dirname, '..', 'examples');

describe('examples/*.json', () => {
  it('has exactly one file per lesson', () => {
    expect(readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()).toEqual(EXAMPLES.map((e) => `${e.id}.json`).sort());
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))('%s matches its lesson and validates', (id, example) => {
    const text = readFileSync(join(DIR, `${id}.json`), 'utf8');
    expect(text, 'rerun `npx tsx scripts/export-examples.ts`').toBe(exampleFileText(example.scenario));
    expect(validateScenario(JSON.parse(text)).errors).toEqual([]);
  });
});

describe('examples/challenges/*.json', () => {
  it('has exactly one file per challenge', () => {
    expect(readdirSync(join(DIR, 'challenges')).sort()).toEqual(CHALLENGES.map((c) => `${c.id}.json`).sort());
  });

  it.each(CHALLENGES.map((c) => [c.id, c] as const))('%s matches its challenge and validates', (id, challenge) => {
    const text = readFileSync(join(DIR, 'challenges', `${id}.json`), 'utf8');
    expect(text, 'rerun `npx tsx scripts/export-examples.ts`').toBe(exampleFileText(challenge.scenario));
    expect(validateScenario(JSON.parse(text)).value).toEqual(challenge.scenario);
  });
});

describe('examples/exercises/*.json', () => {
  it.each(readdirSync(join(DIR, 'exercises')))('%s validates and carries a "make" goal with a note', (file) => {
    const result = validateScenario(JSON.parse(readFileSync(join(DIR, 'exercises', file), 'utf8')));
    expect(result.errors).toEqual([]);
    expect(result.value?.goal?.verb).toBe('make');
    expect(result.value?.goal?.note).not.toBe('');
  });
});
