// Choice-point policies for the executor: FIFO, seeded random (mulberry32, our own PRNG: core has no
// Math.random), explicit picks by task name then FIFO, and interactive (picks, then stop and ask).
// With several threads an option is a task on a thread (see `ChooseFn`); a pick may name the thread ("alpha@2").
// Depends only on ./executor.ts types and the scenario's pick words.
import { parsePick } from '../scenario/picks.ts';
import type { ChooseFn } from './executor.ts';

/** mulberry32: a tiny, well-mixed 32-bit PRNG. Same seed ⇒ same sequence, on every engine. */
export function createMulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Always the task that became ready first. */
export const chooseFifo: ChooseFn = () => 0;

/** A uniformly random option (ready task, and thread when there are several) from a seeded generator. */
export function createRandomChooser(seed: number): ChooseFn {
  const next = createMulberry32(seed);
  return (ready, state) => Math.floor(next() * ready.length * state.free.length);
}

/** What a picks chooser did with its picks (for the summary): picks that named no ready task. */
export interface PicksLog {
  used: number;
  ignored: { pick: string; at: number; ready: string[] }[];
}

/**
 * Uses `picks` (task names, "name@thread" for a thread too) in order, one per choice point; a pick naming no
 * ready task (or no thread of the run) is logged and that choice point goes FIFO. A pick without a thread takes
 * the thread free longest. When picks run out: FIFO, or with `stopWhenOut` (interactive) stop and ask.
 */
export function createPicksChooser(
  picks: readonly string[],
  names: readonly string[],
  stopWhenOut: boolean,
  log: PicksLog,
): ChooseFn {
  let next = 0;
  return (ready, state) => {
    if (next >= picks.length) return stopWhenOut ? -1 : 0;
    const pick = picks[next++]!;
    log.used = next;
    const { task, thread } = parsePick(pick);
    const at = ready.findIndex((t) => names[t] === task);
    const f = thread === null ? 0 : state.free.indexOf(thread - 1);
    if (at >= 0 && f >= 0) return at + ready.length * f;
    log.ignored.push({ pick, at: next - 1, ready: ready.map((t) => names[t]!) });
    return 0;
  };
}
