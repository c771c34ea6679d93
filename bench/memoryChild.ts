// Run by bench/memory.ts in a fresh process: simulates the heavy scenario (or, with "baseline", only loads core)
// and copies the result as the worker's reply would be copied (v8.serialize is structured clone), then prints the
// process's peak resident memory and the time taken, as JSON.
import { serialize } from 'node:v8';
import { loadScenario, simulate } from '../src/core/index.ts';
import { HEAVY_SCENARIO } from '../test/fixtures/heavy.ts';

const started = performance.now();
let steps = 0;
let replyBytes = 0;
if (process.argv[2] !== 'baseline') {
  const result = simulate(loadScenario(HEAVY_SCENARIO).value!);
  steps = result.steps.length;
  replyBytes = serialize(result).length;
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ steps, seconds, replyBytes, peakBytes: process.resourceUsage().maxRSS * 1024 }));
