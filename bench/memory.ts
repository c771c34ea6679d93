// Memory budget (DESIGN §8, issue "Hardening"): a run stays under a stated byte budget whatever run.maxSteps says.
// Measured on the heaviest scenario we know (test/fixtures/heavy.ts: eight children fanning out, maxSteps
// 10,000,000), in a fresh process, with the reply's structured clone; the peer is a process that only loads core.
import { fmt, mb, measureInChild, type BenchLine } from './lib.ts';

const BUDGET_BYTES = 1024 * 1024 * 1024;
const BUDGET_SECONDS = 10;

interface Measured {
  steps: number;
  seconds: number;
  replyBytes: number;
  peakBytes: number;
}

const measure = (...args: string[]): Measured => measureInChild<Measured>('memoryChild.ts', ...args);

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
