// Benchmark plumbing shared by every bench/<area>.ts: timing with warm-up, medians, and report lines.
// Budgets are checked here, never in tests (the machines are noisy).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One printed line of `npm run bench`: what was measured, against what, and whether the budget holds. */
export interface BenchLine {
  name: string;
  measured: string;
  /** e.g. ">= 1.0x acorn" or "< 16 ms"; omitted for informational lines. */
  budget?: string;
  ok?: boolean;
}

/** Runs `fn` until `minMs` has elapsed (after `warmup` runs) and returns per-run times in ms. */
export function sample(fn: () => void, { warmup = 3, minMs = 500, minRuns = 5 } = {}): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const begin = performance.now();
  while (times.length < minRuns || performance.now() - begin < minMs) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function fmt(value: number, digits = 2): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Runs bench/`script` in a fresh Node process (with tsx) and parses the JSON it prints: memory is measured there,
 * so nothing this process holds counts. */
export function measureInChild<T>(script: string, ...args: string[]): T {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench', script), ...args], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out.toString()) as T;
}

/** Bytes as whole megabytes, e.g. "174 MB". */
export const mb = (bytes: number): string => `${fmt(bytes / 1024 / 1024, 0)} MB`;
