// Helpers for explorer tests: fan-out scenarios built from Harn sources, the multinomial count, and an
// outcome signature (every read's expected/observed value, leaks, panics) computed on the executor itself,
// with one thread or several.
import {
  compileScenario,
  createRunner,
  execConfigOf,
  normalizeScenario,
  parsePick,
  runOptionsOf,
  currentLabel,
  type ExecMode,
  type Recorder,
  type Scenario,
} from '../../../src/core/index.ts';

export const GRANT = [
  { kind: { kind: 'llm' }, scope: 'write' },
  { kind: { kind: 'net' }, scope: 'write' },
  { kind: { kind: 'fs' }, scope: 'write' },
];

export function pipeline(lines: string[]): string {
  return `pipeline main() {\n${lines.map((line) => `  ${line}`).join('\n')}\n}`;
}

/** A parent that spawns one child per body (named c0, c1, …) from `parentLines`' `spawn_agent`. */
export function fanOut(bodies: string[][], options: { mode?: ExecMode; parent?: string[]; captured?: string[] | null } = {}): Scenario {
  return normalizeScenario({
    version: 1,
    parent: { source: pipeline(options.parent ?? ['spawn_agent("workers")']), grant: GRANT },
    children: bodies.map((body, i) => ({ name: `c${i}`, source: pipeline(body) })),
    run: { mode: options.mode ?? 'scoped', captured: (options.captured ?? null) as never },
  });
}

export function factorial(n: number): number {
  let out = 1;
  for (let i = 2; i <= n; i++) out *= i;
  return out;
}

/** The number of interleavings of sequences of these lengths: (Σ nᵢ)! / Π nᵢ!. */
export function multinomial(lengths: number[]): number {
  return lengths.reduce((acc, n) => acc / factorial(n), factorial(lengths.reduce((a, b) => a + b, 0)));
}

/** Every mode, and the two awaits the explorer tests' bodies are written with. */
export const MODES: readonly ExecMode[] = ['scoped', 'unscoped', 'naive'];
export const Y = 'yield_now()';
export const L = 'llm_call("plan")';

const noop = (): void => {};

/** A recorder that notes every read (task, slot, access, what, expected, observed) into `reads` and nothing else:
 * no thread in it, so schedules that differ only by renaming threads note the same reads. */
export function readsRecorder(names: readonly string[], reads: string[]): Recorder {
  return {
    pollEnter: noop, swap: noop, install: noop, check: noop, await: noop, wake: noop, spawn: noop, refuse: noop,
    complete: noop, panic: noop, pollExit: noop, outerCheck: noop,
    read(t, slot, access, what, expected, observed) {
      reads.push(`${names[t]}:${slot}:${access}:${what}:${currentLabel(expected)}:${currentLabel(observed)}`);
    },
  };
}

/** Runs one schedule (task names per choice point) on the executor with a recorder noting every read, and
 * returns a canonical signature of the outcome: the multiset of reads, the leaks and the panics. */
export function outcomeSignature(scenario: Scenario, mode: ExecMode, picks: readonly string[], threads = 1): string {
  return createOutcomeSignature(scenario, mode, threads)(picks);
}

/** `outcomeSignature` for many schedules of one scenario (compiled once). With several threads a pick may name
 * its thread, `alpha@2`; the signature names no thread, so renaming the threads keeps it. */
export function createOutcomeSignature(scenario: Scenario, mode: ExecMode, threads = 1): (picks: readonly string[]) => string {
  const { taskSet } = compileScenario(scenario);
  const names = taskSet.tasks.map((task) => task.name);
  const runner = createRunner(taskSet, execConfigOf(runOptionsOf(scenario, { mode, ignoreLatency: true, threads })));
  return (picks) => {
    const reads: string[] = [];
    const recorder = readsRecorder(names, reads);
    let k = 0;
    const outcome = runner.run((ready, state) => {
      const pick = picks[k++];
      const { task, thread } = parsePick(pick ?? '');
      const at = Math.max(0, ready.findIndex((t) => names[t] === task));
      return at + ready.length * Math.max(0, thread === null ? 0 : state.free.indexOf(thread - 1));
    }, recorder);
    return JSON.stringify({ status: outcome.status, reads: reads.sort(), leaks: outcome.leaks, panics: outcome.panics });
  };
}
