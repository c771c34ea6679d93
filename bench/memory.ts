// Memory budget (DESIGN §8, issue "Hardening"): a run stays under a stated byte budget whatever run.maxSteps says.
// Measured on the heaviest scenario we know (test/fixtures/heavy.ts: eight children fanning out, maxSteps
// 10,000,000), in a fresh process, with the reply's structured clone; the peer is a process that only loads core.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, type BenchLine } from './lib.ts';

const here = dirname(fileURLToPath(import.meta.url));
const BUDGET_BYTES = 1024 * 1024 * 1024;
const BUDGET_SECONDS = 10;

interface Measured {
  steps: number;
  seconds: number;
  replyBytes: number;
  peakBytes: number;
}

function measure(...args: string[]): Measured {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'memoryChild.ts'), ...args], { cwd: join(here, '..') });
  return JSON.parse(out.toString()) as Measured;
}

const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024, 0)} MB`;

export async function bench(): Promise<BenchLine[]> {
  const baseline = measure('baseline');
  const heavy = measure();
  return [
    {
      name: `heavy run: peak memory (8 children, maxSteps 10M → ${heavy.steps.toLocaleString('en-US')} steps)`,
      measured: `${mb(heavy.peakBytes)} peak (a process that only loads core: ${mb(baseline.peakBytes)}; the reply ${mb(heavy.replyBytes)})`,
      budget: `< ${mb(BUDGET_BYTES)}`,
      ok: heavy.peakBytes < BUDGET_BYTES,
    },
    {
      name: 'heavy run: time to its limit message (compile + trace + clone)',
      measured: `${fmt(heavy.seconds, 2)} s`,
      budget: `< ${BUDGET_SECONDS} s`,
      ok: heavy.seconds < BUDGET_SECONDS,
    },
  ];
}
