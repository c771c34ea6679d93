// Run by bench/explorerMemory.ts in a fresh process: `harn-scope explore` on the eight-children scenario, unpruned,
// with the budget given (or, with "baseline", only loads the CLI and core), then prints the process's peak
// resident memory, the time taken and what the exploration reported, as JSON.
import { main } from '../src/cli/main.ts';
import { encodeLink, loadScenario } from '../src/core/index.ts';
import { EIGHT_CHILDREN_SCENARIO } from '../test/fixtures/eightChildren.ts';

const budget = process.argv[2] ?? 'baseline';
const started = performance.now();
let out = '';
let exit = 0;
if (budget !== 'baseline') {
  const fragment = encodeLink(loadScenario(EIGHT_CHILDREN_SCENARIO).value!);
  exit = await main(['explore', fragment, '--max-schedules', budget, '--no-prune', '--json'], {
    stdout: (text) => void (out += text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
  });
}
const seconds = (performance.now() - started) / 1000;
const result = out ? (JSON.parse(out) as { schedules: number; failing: number; complete: boolean }) : null;
console.log(JSON.stringify({ exit, seconds, result, peakBytes: process.resourceUsage().maxRSS * 1024 }));
