// Writes each lesson of src/core/examples as examples/<id>.json and each challenge of the campaign as
// examples/challenges/<id>.json (minimized scenario JSON), for the CLI and for readers. `test/examples-files.test.ts`
// fails when a file drifts from its lesson or challenge; rerun `npx tsx scripts/export-examples.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHALLENGES, EXAMPLES, minimizeScenario } from '../src/core/index.ts';

export function exampleFileText(scenario: Parameters<typeof minimizeScenario>[0]): string {
  return JSON.stringify(minimizeScenario(scenario), null, 2) + '\n';
}

if (process.argv[1]?.endsWith('export-examples.ts')) {
  const dir = join(import.meta.dirname, '..', 'examples');
  for (const example of EXAMPLES) writeFileSync(join(dir, `${example.id}.json`), exampleFileText(example.scenario));
  console.log(`wrote ${EXAMPLES.length} files to examples/`);
  mkdirSync(join(dir, 'challenges'), { recursive: true });
  for (const challenge of CHALLENGES) writeFileSync(join(dir, 'challenges', `${challenge.id}.json`), exampleFileText(challenge.scenario));
  console.log(`wrote ${CHALLENGES.length} files to examples/challenges/`);
}
