// The explorer's frontier: the branches waiting to be run, bucketed by cost (CHESS order: bound 0, 1, 2, …),
// depth-first within a bucket, with the bookkeeping of bounded memory (stored branches past
// `maxFrontierSlots` are dropped and regenerated, see search.ts) and of the saved states they resume from.
// Typed at its edges; inside, each bucket keeps its branches flat, five entries each in this order (base,
// depth, pick, sleep, saved) — no object per branch, as the frontier grows by several branches per run and
// the garbage collector's cost follows its objects — and the casts that read them back live here only.
// Pure; depends on the scheduler's SavedState type and the scenario limits.
import type { SavedState } from '../scheduler/executor.ts';
import { MAX_FRONTIER_SLOTS } from '../scenario/limits.ts';

/** An executor state saved at choice point `depth` of some path, shared by the branches that leave from it. */
export interface SavedNode {
  state: SavedState;
  depth: number;
  /** Frontier items resuming from it; when none is left it is dropped from the live count. */
  refs: number;
}

/** A branch to explore: the picks of `base` before choice point `depth`, then `pick` there, with the sleep set
 * in force after it (tasks as bits), costing `cost`. It resumes from `saved` (a state at choice point
 * `saved.depth` ≤ `depth`, replaying `base` up to `depth`), or from the start (null). `silent`: a cheaper
 * branch run again to regenerate a dropped bucket (not shown). */
export interface Branch {
  base: readonly number[];
  depth: number;
  pick: number;
  sleep: number;
  saved: SavedNode | null;
  cost: number;
  silent: boolean;
}

/** The slots one stored branch counts, past the picks of its base it needs (see MAX_FRONTIER_SLOTS). */
const BRANCH_SLOTS = 12;
const slotsOf = (depth: number): number => BRANCH_SLOTS + Math.max(0, depth);
/** Entries per branch in a bucket, and on the regeneration stack (which adds the cost). */
const WIDTH = 5;
const LOWER_WIDTH = 6;

export interface Frontier {
  /** The bucket being explored. */
  readonly bound: number;
  /** Branches stored (dropped ones are not counted). */
  readonly size: number;
  /** Saved states some stored branch (or the run in progress) resumes from. */
  readonly liveSaved: number;
  /** Stores a branch; returns its index in `lastList` (to set its base later, see `setBase`), or -1 when it
   * is beyond `maxBound`, in a dropped bucket, or dropped now (the cap). */
  enqueue(cost: number, base: readonly number[], depth: number, pick: number, sleep: number, saved: SavedNode | null): number;
  /** The list the last successful `enqueue` stored into. */
  readonly lastList: unknown[];
  /** Sets the base of the branch stored at `at` of `list` (gone if its bucket was dropped since). */
  setBase(list: unknown[], at: number, base: readonly number[]): void;
  /** A new branch holds `node`, or one no longer does. */
  retain(node: SavedNode): void;
  release(node: SavedNode): void;
  /** Takes the next branch into `into`; false when none is left (or, `stopAfter`, the bucket just explored
   * had a failing run). */
  next(into: Branch, stopAfter: boolean): boolean;
}

export function createFrontier(maxBound: number, maxFrontierSlots = MAX_FRONTIER_SLOTS): Frontier {
  return new BucketFrontier(maxBound, maxFrontierSlots);
}

// A class, not an object literal with getters: an instance's shape is fixed, so the explorer's hot path reads its
// fields and calls its methods inline (an object literal with accessors is a dictionary-mode object, every
// access a generic lookup).
class BucketFrontier implements Frontier {
  bound = 0;
  size = 1;
  liveSaved = 0;
  // The root branch: no picks, no state.
  private readonly buckets: unknown[][] = [[[], -1, -1, 0, null]];
  private slots = 0;
  // The first dropped bucket (Infinity: none), and while regenerating the bucket `bound`, the stack of cheaper
  // branches run again silently.
  private dropFrom = Infinity;
  private regenerating = false;
  private readonly lower: unknown[] = [];
  lastList: unknown[] = this.lower;

  constructor(
    private readonly maxBound: number,
    private readonly maxFrontierSlots: number,
  ) {}

  // Empties every bucket above `bound` (releasing their saved states) and marks them dropped.
  private dropAbove(): void {
    const buckets = this.buckets;
    for (let c = this.bound + 1; c < buckets.length; c++) {
      const bucket = buckets[c]!;
      for (let k = 0; k < bucket.length; k += WIDTH) {
        const node = bucket[k + 4] as SavedNode | null;
        if (node && --node.refs === 0) this.liveSaved--;
        this.slots -= slotsOf(bucket[k + 1] as number);
        this.size--;
      }
      bucket.length = 0;
    }
    this.dropFrom = this.bound + 1;
  }

  enqueue(cost: number, base: readonly number[], depth: number, pick: number, sleep: number, saved: SavedNode | null): number {
    if (cost > this.maxBound) return -1;
    const buckets = this.buckets;
    while (buckets.length <= cost) buckets.push([]);
    // One push per field: a push of several arguments is a builtin call, one argument is inlined.
    if (cost < this.bound) {
      // Only while regenerating: every run outside it costs at least the bound.
      const lower = this.lower;
      lower.push(base);
      lower.push(depth);
      lower.push(pick);
      lower.push(sleep);
      lower.push(saved);
      lower.push(cost);
      this.lastList = lower;
      return lower.length - LOWER_WIDTH;
    }
    if (cost >= this.dropFrom) return -1;
    const needed = slotsOf(depth);
    if (cost > this.bound && this.slots + needed > this.maxFrontierSlots) {
      this.dropAbove();
      return -1;
    }
    const bucket = buckets[cost]!;
    bucket.push(base);
    bucket.push(depth);
    bucket.push(pick);
    bucket.push(sleep);
    bucket.push(saved);
    this.slots += needed;
    this.size++;
    this.lastList = bucket;
    return bucket.length - WIDTH;
  }

  setBase(list: unknown[], at: number, base: readonly number[]): void {
    if (at < list.length) list[at] = base;
  }

  retain(node: SavedNode): void {
    if (node.refs++ === 0) this.liveSaved++;
  }

  release(node: SavedNode): void {
    if (--node.refs === 0) this.liveSaved--;
  }

  next(into: Branch, stopAfter: boolean): boolean {
    const buckets = this.buckets;
    const lower = this.lower;
    for (;;) {
      const bucket = buckets[this.bound];
      if (bucket && bucket.length > 0) {
        this.size--;
        into.saved = bucket.pop() as SavedNode | null;
        into.sleep = bucket.pop() as number;
        into.pick = bucket.pop() as number;
        into.depth = bucket.pop() as number;
        into.base = bucket.pop() as readonly number[];
        this.slots -= slotsOf(into.depth);
        into.cost = this.bound;
        into.silent = false;
        return true;
      }
      if (this.regenerating && lower.length > 0) {
        into.cost = lower.pop() as number;
        into.saved = lower.pop() as SavedNode | null;
        into.sleep = lower.pop() as number;
        into.pick = lower.pop() as number;
        into.depth = lower.pop() as number;
        into.base = lower.pop() as readonly number[];
        into.silent = true;
        return true;
      }
      this.regenerating = false;
      if (stopAfter || this.bound + 1 >= buckets.length) return false;
      this.bound++;
      if (this.bound >= this.dropFrom) {
        // This bucket's branches were dropped: run again from the root, silently, everything cheaper.
        this.dropFrom = Infinity;
        this.regenerating = true;
        lower.push([], -1, -1, 0, null, 0);
      }
    }
  }
}
