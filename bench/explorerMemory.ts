// The explorer's memory (issue "Hardening, second round"): `harn-scope explore --max-schedules 1000000 --no-prune`
// on eight children stays under a stated peak, in a fresh process, because the explorer's memory grows with the
// depth of its search and not with the schedules run. Peers: the same run at a tenth of the budget (the peak
// should barely move) and a process that only loads the CLI and core.
import { fmt, mb, measureInChild, type BenchLine } from './lib.ts';

const BUDGET_BYTES = 1024 * 1024 * 1024;
/** The largest budget the page's Explorer panel offers (src/ui/run/explorer/ExplorerControls.tsx). */
const SCHEDULES = 1_000_000;

interface Measured {
  exit: number;
  seconds: number;
  result: { schedules: number; failing: number; complete: boolean } | null;
  peakBytes: number;
}

const measure = (arg: string): Measured => measureInChild<Measured>('explorerMemoryChild.ts', arg);

export async function bench(): Promise<BenchLine[]> {
  const baseline = measure('baseline');
  const tenth = measure(String(SCHEDULES / 10));
  const full = measure(String(SCHEDULES));
  const finished = full.exit === 0 && full.result !== null && full.result.schedules === SCHEDULES;
  return [
    {
      name: `explore 8 children, --max-schedules ${SCHEDULES.toLocaleString('en-US')} --no-prune: peak memory`,
      measured: `${mb(full.peakBytes)} peak (${SCHEDULES / 10 / 1000}k schedules: ${mb(tenth.peakBytes)}; a process that only loads the CLI: ${mb(baseline.peakBytes)})`,
      budget: `< ${mb(BUDGET_BYTES)}`,
      ok: finished && full.peakBytes < BUDGET_BYTES,
    },
    {
      name: 'explore 8 children, 1M unpruned: finished with a result',
      measured: full.result
        ? `exit ${full.exit}, ${full.result.schedules.toLocaleString('en-US')} schedules, ${full.result.failing.toLocaleString('en-US')} failing, in ${fmt(full.seconds, 1)} s (100k: ${fmt(tenth.seconds, 1)} s)`
        : `exit ${full.exit}, no result`,
      budget: `all ${SCHEDULES.toLocaleString('en-US')} schedules run`,
      ok: finished,
    },
  ];
}
