// `npm run bench`: runs every bench/<area>.ts in this process, one after another, and prints each measurement with
// its budget and a verdict. Budgets live here and in the area files — never in tests (the machines are noisy).
// `npm run bench -- parser scheduler` runs only the named areas.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchLine } from './lib.ts';

const AREAS = ['parser', 'analysis', 'scheduler', 'explorer', 'memory', 'explorerMemory', 'bundle', 'fuzz', 'latency', 'boot'];
// Run only when named: `npm run bench -- against REV` checks REV out in a temporary directory (bench/against.ts).
const ON_REQUEST = ['against'];
const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));

let failed = 0;
let checked = 0;
for (const area of [...AREAS, ...ON_REQUEST]) {
  if (wanted.length > 0 ? !wanted.includes(area) : ON_REQUEST.includes(area)) continue;
  const file = join(here, `${area}.ts`);
  if (!existsSync(file)) continue;
  console.log(`\n## ${area}`);
  const module = (await import(pathToFileURL(file).href)) as { bench: () => Promise<BenchLine[]> };
  const lines = await module.bench();
  for (const line of lines) {
    const verdict = line.ok === undefined ? '' : line.ok ? '  ✔ within budget' : '  ✖ OVER BUDGET';
    const budget = line.budget ? `  (budget ${line.budget})` : '';
    console.log(`${line.name.padEnd(58)} ${line.measured}${budget}${verdict}`);
    if (line.ok !== undefined) {
      checked++;
      if (!line.ok) failed++;
    }
  }
}
console.log(`\nbudgets: ${checked - failed} met, ${failed} missed`);
process.exitCode = failed ? 1 : 0;
