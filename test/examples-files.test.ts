// examples/<id>.json are the lessons as files for the CLI; they must match the lessons the app opens.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, validateScenario } from '../src/core/index.ts';
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
