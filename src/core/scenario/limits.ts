// Every limit on scenarios and share links, each in one place with its reason. Depends on nothing.

/** Characters per program source. A 1,000-line program is ~40,000 characters; 200,000 leaves room for
 * pasted real programs while keeping a whole scenario far below the inflated-link limit. */
export const MAX_SOURCE_CHARS = 200_000;

/** Children per scenario. The stepper shows one lane per task and the explorer's schedule count grows
 * factorially with tasks; beyond 8 children neither is usable. */
export const MAX_CHILDREN = 8;

/** Task names: identifiers, so they read unambiguously in traces, picks and narration. */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const MAX_NAME_CHARS = 64;
/** The rule above in words, for error messages. */
export const NAME_RULE = `an identifier: a letter or "_", then letters, digits or "_", at most ${MAX_NAME_CHARS} characters`;

/** Bounds on `run.maxSteps`. The scheduler holds the whole trace in memory (a snapshot per step); past
 * 10,000,000 steps that no longer fits in a browser tab. */
export const MIN_MAX_STEPS = 1;
export const MAX_MAX_STEPS = 10_000_000;

/** Latency per await kind, in logical ticks: a non-negative integer. A latency past 1,000,000 ticks only
 * makes the logical clock jump; it says nothing a smaller one does not. */
export const MAX_LATENCY = 1_000_000;

/** `schedule.random.seed` is an unsigned 32-bit integer: the seeded generator takes 32 bits, and a larger or
 * fractional seed would otherwise be silently truncated (two different seeds giving one trace). */
export const MAX_SEED = 0xffff_ffff;

/** Entries in `schedule.picks`. A pick is used at each choice point and a run has at most maxSteps of them;
 * explorer schedules are far shorter. 100,000 bounds the memory a decoded link can demand. */
export const MAX_PICKS = 100_000;

/** Records in `parent.grant`. Real handoff effect lists have tens of records; the bound keeps a pasted or
 * decoded grant from demanding unbounded analysis work. */
export const MAX_GRANT_RECORDS = 10_000;

/** Entries in a ceiling's capability map, ops lists and tools list: real policies have a handful. */
export const MAX_CEILING_ENTRIES = 1_000;

/** Validation errors reported for one input: enough to fix a batch, bounded for a hostile input. */
export const MAX_SCENARIO_ERRORS = 50;

/** The share-link length the UI measures against (DESIGN §5): links that fit paste into chats and issues. */
export const LINK_BUDGET = 2_000;

/** The longest link text (URL included) the decoder accepts. 50× the budget: real scenarios stay far below,
 * and it bounds the work a pasted string can demand before any check. */
export const MAX_LINK_CHARS = 100_000;

/** The most bytes a link payload may inflate to. Deflate can expand ~1000×, so a 75 KB payload could claim
 * gigabytes; inflation stops at this bound (a decompression bomb must not allocate memory). A link within
 * MAX_LINK_CHARS holding real program text inflates to well under 1 MB. */
export const MAX_INFLATED_BYTES = 2 * 1024 * 1024;

/** Compressed bytes handed to the inflater per step: one step can expand at most ~1 MB past the bound
 * above before the bound is checked again. */
export const INFLATE_CHUNK_BYTES = 1024;

/** Thread-locals a scenario may add to the seed's 28: 28 + 3 = 31 slots still fit the explorer's 31-bit
 * footprint masks, so its pruning stays on; three are enough to teach the forcing function. */
export const MAX_CUSTOM_SLOTS = 3;

/** Characters in an added slot's Uncaptured reason: the seed's longest is ~170; a paragraph is plenty. */
export const MAX_SLOT_REASON_CHARS = 1_000;

/** Simulated threads at most (`run.threads`): enough for every migration pattern a class needs to see, small
 * enough that the explorer's thread choices stay tractable. */
export const MAX_THREADS = 4;

// The explorer's memory: it grows with the depth of the search (saved states, the current path and the branches
// waiting along it), never with the number of schedules run.

/** Failing schedules an exploration keeps and describes by default (N): the cheapest first, then the shortest.
 * Each is replayed with a full trace to get its cross-wires and the panel lists no more than this; the rest are
 * only counted. */
export const MAX_REPORTED_FAILURES = 50;

/** Failing schedules kept when a caller asks for more than N (`maxFailures`): each kept one holds its picks and
 * is replayed with a full trace, so the request is bounded like everything else a caller can pass in. */
export const MAX_KEPT_FAILURES = 1_000;

/** The explorer's stored branches waiting for a costlier bound, in array slots (a branch counts 12 slots — its
 * five fields and its share of its path's array header — plus the picks of its path it needs, one slot each; a
 * slot is 8 bytes). The branches of the next bounds grow with the schedules run (several per run): past this
 * (~100 MB) they are dropped and regenerated when their bound is reached, by running the cheaper schedules
 * again without counting them. Below it the search runs exactly as if nothing were dropped; above it the same
 * schedules are run, each once, cheapest bound first, in another order within a bound. */
export const MAX_FRONTIER_SLOTS = 12_000_000;

/** Terms of a goal: one says what to find, a few more narrow it ("alpha cross-wires, beta does not"); past four a
 * goal is a puzzle about the goal, not about the scheduler. */
export const MAX_GOAL_TERMS = 4;

/** Characters of a goal's title and of the teacher's note: a title is a line, a note a short paragraph. */
export const MAX_GOAL_TITLE_CHARS = 120;
export const MAX_GOAL_NOTE_CHARS = 1_000;
