// Fuzz bench (issue 8; names since issue "Hardening"): 100,000 fast-check inputs each for the share-link decoder and
// the parser, 10,000 for scenarios whose user-chosen names and policy keys are drawn from Object.prototype's members. decodeLink gets
// random strings, mutated valid links and deflated random / mutated-scenario JSON; parse gets random strings, token
// soup and mutated corpus programs. Each input must not throw, must return promptly, and (parse) every span must lie
// in the source and inside its parent's span; a decoded scenario must validate and survive a re-encode. Each target
// runs in a worker thread watched from here, so an input that never returns is reported instead of hanging the run.
// `FUZZ_RUNS=1000` / `FUZZ_SEED=42` override the input count and the (otherwise random, printed) seed.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { deflateSync, type DeflateOptions } from 'fflate';
import {
  analysisView,
  analyzeScenario,
  decodeLink,
  encodeLink,
  EXAMPLES,
  HARN_KEYWORDS,
  simulate,
  minimizeScenario,
  parse,
  validateScenario,
  type LinkErrorKind,
  type Span,
} from '../src/core/index.ts';
import { base64urlEncode } from '../src/core/scenario/base64url.ts';
import { fmt, type BenchLine } from './lib.ts';

type Target = 'decodeLink' | 'parse' | 'names';
const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
/** One input taking this long counts as a failure: both targets are linear in inputs of a few KB. */
const SLOW_MS = 1_000;
/** No progress report from the worker for this long: an input did not terminate. Generous, the CPU is shared. */
const STALL_MS = 60_000;
/** Inputs per fast-check sample call. Input i of a run is
 * `fc.sample(arb, { numRuns: BATCH, seed: seed + ⌊i/BATCH⌋ })[i % BATCH]`. */
const BATCH = 1_000;

// ---- decodeLink inputs ----

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const PREFIXES = [
  '',
  '#s=',
  '#s=1.',
  's=1.',
  '#s=0.',
  '#s=2.',
  '#s=1',
  'https://lab.example/#s=1.',
  '#a=1&s=1.',
  '#s=01.',
];
const LINK_CHARS = [...B64URL, '.', '#', '=', '&', '%', ' ', '+', '/', '\n', 'é', '😀'];
const EXAMPLE_LINKS = EXAMPLES.map((example) => encodeLink(example.scenario));

const linkRandom = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .tuple(fc.constantFrom(...PREFIXES), fc.string({ unit: fc.constantFrom(...LINK_CHARS), maxLength: 400 }))
    .map(([p, s]) => p + s),
);

type Edit = {
  op: 'delete' | 'insert' | 'replace' | 'duplicate' | 'truncate';
  at: number;
  length: number;
  text: string;
};
const edit = fc.record({
  op: fc.constantFrom('delete', 'insert', 'replace', 'duplicate', 'truncate'),
  at: fc.nat(),
  length: fc.nat({ max: 24 }),
  text: fc.string({ unit: fc.constantFrom(...LINK_CHARS), minLength: 1, maxLength: 6 }),
}) as fc.Arbitrary<Edit>;

function applyEdits(text: string, edits: Edit[]): string {
  let s = text;
  for (const e of edits) {
    const at = s.length === 0 ? 0 : e.at % (s.length + 1);
    if (e.op === 'delete') s = s.slice(0, at) + s.slice(at + Math.max(1, e.length));
    else if (e.op === 'insert') s = s.slice(0, at) + e.text + s.slice(at);
    else if (e.op === 'replace') s = s.slice(0, at) + e.text + s.slice(at + e.text.length);
    else if (e.op === 'duplicate')
      s = s.slice(0, at + e.length) + s.slice(at, at + e.length) + s.slice(at + e.length);
    else s = s.slice(0, at);
  }
  return s;
}

const linkMutated = fc
  .tuple(fc.constantFrom(...EXAMPLE_LINKS), fc.array(edit, { minLength: 1, maxLength: 4 }))
  .map(([link, edits]) => applyEdits(link, edits));

/** Every path to a value in `json` (objects and arrays included), for replacing one at random. */
function jsonPaths(
  json: unknown,
  path: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(path);
  if (Array.isArray(json)) json.forEach((item, i) => jsonPaths(item, [...path, i], out));
  else if (json !== null && typeof json === 'object')
    for (const [k, v] of Object.entries(json)) jsonPaths(v, [...path, k], out);
  return out;
}

function replaceAt(json: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(json) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove && !Array.isArray(node)) delete node[last];
  else node[last] = value;
  return copy;
}

const SCENARIOS = EXAMPLES.map((example) => minimizeScenario(example.scenario) as unknown);
const mutatedScenario = fc
  .record({
    scenario: fc.nat({ max: SCENARIOS.length - 1 }),
    edits: fc.array(
      fc.record({ path: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }), remove: fc.boolean() }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ scenario, edits }) =>
    edits.reduce((json, e) => {
      const paths = jsonPaths(json);
      return replaceAt(json, paths[e.path % paths.length]!, e.value, e.remove);
    }, SCENARIOS[scenario]),
  );

const linkDeflated = fc
  .record({
    json: fc.oneof(fc.jsonValue({ maxDepth: 4 }), mutatedScenario),
    level: fc.integer({ min: 0, max: 9 }),
    version: fc.constantFrom('1', '1', '1', '0', '2'),
    cut: fc.option(fc.nat(), { freq: 4 }),
  })
  .map(({ json, level, version, cut }) => {
    const bytes = deflateSync(new TextEncoder().encode(JSON.stringify(json)), {
      level: level as DeflateOptions['level'],
    });
    return `#s=${version}.${base64urlEncode(cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1)))}`;
  });

const linkRaw = fc.uint8Array({ maxLength: 600 }).map((bytes) => `#s=1.${base64urlEncode(bytes)}`);

const LINK_ERROR_KINDS: ReadonlySet<LinkErrorKind> = new Set([
  'empty',
  'no-payload',
  'bad-version',
  'future-version',
  'not-base64',
  'not-deflate',
  'too-large',
  'bomb',
  'not-json',
  'schema',
]);

function checkLink(input: string): string | null {
  const result = decodeLink(input);
  if ((result.value === null) === (result.error === null))
    return 'exactly one of value and error must be set';
  if (result.error !== null) {
    if (!LINK_ERROR_KINDS.has(result.error.kind)) return `unknown error kind ${String(result.error.kind)}`;
    if (typeof result.error.message !== 'string' || result.error.message === '') return 'empty error message';
    // decodeLink's last-resort catch: reaching it means a step threw instead of reporting its failure.
    if (result.error.message.startsWith('the link could not be read'))
      return `internal exception: ${result.error.message}`;
    return null;
  }
  const errors = validateScenario(result.value).errors;
  if (errors.length > 0) return `decoded scenario does not validate: ${JSON.stringify(errors[0])}`;
  const again = decodeLink(encodeLink(result.value!));
  if (!isDeepStrictEqual(again.value, result.value)) return 'decoded scenario changes on re-encode';
  return null;
}

// ---- parse inputs ----

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus/harn');
function harnSources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) harnSources(path, out);
    else if (name.endsWith('.harn')) out.push(readFileSync(path, 'utf8'));
  }
  return out;
}

const TOKENS = [
  ...HARN_KEYWORDS,
  'x',
  'Foo',
  'each',
  '1',
  '2.5',
  '5s',
  '"s"',
  '"a${b}c"',
  'r"r"',
  '"""\n t\n"""',
  '==',
  '!=',
  '&&',
  '||',
  '|>',
  '??',
  '**',
  '?.',
  '->',
  '<=',
  '>=',
  '+=',
  '=',
  '!',
  '.',
  '...',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '?',
  '|',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ',',
  ':',
  ';',
  '@',
  ' ',
  '\n',
  '#',
  '//c\n',
  '/*',
  '*/',
  '"',
  '${',
  '\\',
  '`',
  "'",
  '\r\n',
  '\u2028',
  '😀',
];
const SOURCE_CHARS = [
  ...'{}()[]"\'`$\\/*#@.,:;=!<>?|&+-%^~ \n\t\r0123456789abcxyzéü',
  '\u0000',
  '\u2028',
  '😀',
  '\uD800',
];

const parseRandom = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: fc.constantFrom(...SOURCE_CHARS), maxLength: 400 }),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }).map((parts) => parts.join(' ')),
);

function parseMutated(sources: string[]): fc.Arbitrary<string> {
  const sourceEdit = fc.record({
    op: fc.constantFrom('delete', 'insert', 'replace', 'duplicate', 'truncate'),
    at: fc.nat(),
    length: fc.nat({ max: 60 }),
    text: fc.oneof(
      fc.constantFrom(...TOKENS),
      fc.string({ unit: fc.constantFrom(...SOURCE_CHARS), minLength: 1, maxLength: 8 }),
    ),
  }) as fc.Arbitrary<Edit>;
  return fc
    .tuple(fc.nat({ max: sources.length - 1 }), fc.array(sourceEdit, { minLength: 1, maxLength: 6 }))
    .map(([index, edits]) => applyEdits(sources[index]!, edits));
}

const isSpan = (v: unknown): v is Span =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Span).start === 'number' &&
  typeof (v as Span).end === 'number';

/** Each object carrying a `span` must lie inside the source and inside the nearest enclosing span. Walks without
 * building paths (this is the hot loop); a problem names the node's kind and spans. */
function spanProblem(value: unknown, parent: Span, length: number): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = spanProblem(item, parent, length);
      if (problem !== null) return problem;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  let here = parent;
  if ('span' in record) {
    const span = record.span;
    if (!isSpan(span)) return `${String(record.kind)}: span missing`;
    if (!(span.start >= 0 && span.start <= span.end && span.end <= length))
      return `${String(record.kind)}: span ${span.start}..${span.end} outside 0..${length}`;
    if (span.start < parent.start || span.end > parent.end)
      return `${String(record.kind)}: span ${span.start}..${span.end} not inside its parent's ${parent.start}..${parent.end}`;
    here = span;
  }
  for (const key in record) {
    if (key === 'span') continue;
    const problem = spanProblem(record[key], here, length);
    if (problem !== null) return problem;
  }
  return null;
}

function checkParse(source: string): string | null {
  const { program, diagnostics } = parse(source);
  if (!Array.isArray(program) || !Array.isArray(diagnostics))
    return 'parse result is not { program[], diagnostics[] }';
  for (const d of diagnostics) {
    if (!isSpan(d.span) || !(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= source.length))
      return `diagnostic ${d.code} span ${JSON.stringify(d.span)} outside 0..${source.length}`;
  }
  return spanProblem(program, { start: 0, end: source.length }, source.length);
}

// ---- the worker: generate, check, report ----

interface Failure {
  seed: number;
  index: number;
  problem: string;
  input: string;
}
interface Done {
  kind: 'done';
  inputs: number;
  failures: number;
  firstFailures: Failure[];
  targetMs: number;
  slowestMs: number;
  generateMs: number;
}
type Report = { kind: 'progress'; inputs: number } | Done;

// ---- names: every user-chosen name and key (children, parent, capabilities, ops, picks, captured slots) ----

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const userName = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/), fc.string({ maxLength: 12 }));
const NAME_CHILD = 'pipeline main() {\n  let c = read_file("config.json")\n  yield_now()\n  write_file("out.txt", c)\n  http_get("https://api.x")\n}\n';
const namesScenario = fc
  .record({
    parent: userName,
    children: fc.uniqueArray(userName, { maxLength: 4 }),
    keys: fc.array(fc.tuple(userName, fc.array(userName, { maxLength: 3 })), { maxLength: 4 }),
    picks: fc.array(userName, { maxLength: 6 }),
    captured: fc.option(fc.array(userName, { maxLength: 3 }), { nil: undefined }),
  })
  .map(({ parent, children, keys, picks, captured }) =>
    JSON.stringify({
      version: 1,
      parent: { name: parent, source: 'pipeline main() {\n  spawn_agent("x")\n  read_file("config.json")\n}\n' },
      // Capability maps are written as JSON text, so "__proto__" is an own key as in a pasted policy.
      children: children.map((name) => ({ name, source: NAME_CHILD, ceiling: `@@CEILING@@` })),
      run: { mode: 'unscoped', schedule: { kind: 'picks', picks }, maxSteps: 2000, ...(captured ? { captured } : {}) },
      // A function, not a string, as the replacement: a drawn name holding `$&` or `$'` would otherwise be expanded.
    }).replaceAll('"@@CEILING@@"', () => `{"capabilities":{${keys.map(([k, ops]) => `${JSON.stringify(k)}:${JSON.stringify(ops)}`).join(',')}}}`),
  );

function checkNames(input: string): string | null {
  const raw = JSON.parse(input) as { parent: { name: string }; children: { name: string }[] };
  const result = validateScenario(raw);
  if (result.value === null) return result.errors.length > 0 ? null : 'rejected with no error';
  const scenario = result.value;
  const names = raw.children.map((c) => c.name);
  if (scenario.parent.name !== raw.parent.name) return `parent name ${raw.parent.name} became ${scenario.parent.name}`;
  if (!isDeepStrictEqual(scenario.children.map((c) => c.name), names)) return 'child names changed';
  const keysOf = (s: typeof scenario) => s.children.map((c) => Object.keys(c.ceiling?.capabilities ?? {}).sort());
  const inputKeys = (JSON.parse(input) as { children: { ceiling?: { capabilities?: object } }[] }).children.map((c) => Object.keys(c.ceiling?.capabilities ?? {}).sort());
  if (!isDeepStrictEqual(keysOf(scenario), inputKeys)) return `capability keys changed: ${JSON.stringify(inputKeys)} → ${JSON.stringify(keysOf(scenario))}`;
  const decoded = decodeLink(encodeLink(scenario));
  if (decoded.value === null) return `its link does not open: ${decoded.error?.message}`;
  if (!isDeepStrictEqual(keysOf(decoded.value), inputKeys) || !isDeepStrictEqual(decoded.value.children.map((c) => c.name), names)) return 'names or keys changed through a link';
  const analysis = analyzeScenario(scenario);
  if (!isDeepStrictEqual(analysis.children.map((c) => c.name), names)) return 'analysis renamed a child';
  analysisView(scenario, analysis);
  const run = simulate(scenario);
  if (!isDeepStrictEqual(run.tasks.map((t) => t.name), [scenario.parent.name, ...names])) return 'simulation renamed a task';
  return null;
}

function arbitraryFor(target: Target): fc.Arbitrary<string> {
  if (target === 'decodeLink') return fc.oneof(linkRandom, linkMutated, linkDeflated, linkRaw);
  if (target === 'names') return namesScenario;
  return fc.oneof(parseRandom, parseMutated(harnSources(CORPUS)), parseMutated(harnSources(CORPUS)));
}

// A pause of the whole process (GC, a busy shared CPU) can stall any one input: it counts only if slow twice.
function slowAgain(check: (input: string) => string | null, input: string, first: number): string | null {
  const t0 = performance.now();
  check(input);
  const again = performance.now() - t0;
  return again > SLOW_MS ? `took ${fmt(first)} ms, then ${fmt(again)} ms (limit ${SLOW_MS} ms)` : null;
}

function fuzzInWorker(target: Target, runs: number, seed: number, post: (report: Report) => void): void {
  const arbitrary = arbitraryFor(target);
  const check = target === 'decodeLink' ? checkLink : target === 'names' ? checkNames : checkParse;
  const done: Done = {
    kind: 'done',
    inputs: 0,
    failures: 0,
    firstFailures: [],
    targetMs: 0,
    slowestMs: 0,
    generateMs: 0,
  };
  for (let batch = 0; done.inputs < runs; batch++) {
    const g0 = performance.now();
    const inputs = fc.sample(arbitrary, { numRuns: Math.min(BATCH, runs - done.inputs), seed: seed + batch });
    done.generateMs += performance.now() - g0;
    inputs.forEach((input, index) => {
      let problem: string | null;
      const t0 = performance.now();
      try {
        problem = check(input);
      } catch (error) {
        problem = `threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
      }
      const ms = performance.now() - t0;
      done.targetMs += ms;
      done.slowestMs = Math.max(done.slowestMs, ms);
      if (problem === null && ms > SLOW_MS) problem = slowAgain(check, input, ms);
      if (problem !== null) {
        done.failures++;
        if (done.firstFailures.length < 20)
          done.firstFailures.push({ seed: seed + batch, index, problem, input });
      }
    });
    done.inputs += inputs.length;
    post({ kind: 'progress', inputs: done.inputs });
  }
  post(done);
}

if (!isMainThread && (workerData as { fuzz?: Target } | null)?.fuzz) {
  const data = workerData as { fuzz: Target; runs: number; seed: number };
  fuzzInWorker(data.fuzz, data.runs, data.seed, (report) => parentPort!.postMessage(report));
}

// ---- the main thread: one watched worker per target ----

type Outcome = Done | { kind: 'stalled'; inputs: number };

function runWatched(target: Target, runs: number, seed: number): Promise<Outcome> {
  // Workers do not inherit tsx's loader hooks: register them first, then load this file as the worker.
  const tsxApi = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const boot = `import(${tsxApi}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { fuzz: target, runs, seed } });
  return new Promise((resolvePromise, reject) => {
    let inputs = 0;
    let timer = setTimeout(stalled, STALL_MS);
    function stalled(): void {
      void worker.terminate();
      resolvePromise({ kind: 'stalled', inputs });
    }
    worker.on('message', (report: Report) => {
      clearTimeout(timer);
      if (report.kind === 'done') {
        void worker.terminate();
        resolvePromise(report);
      } else {
        inputs = report.inputs;
        timer = setTimeout(stalled, STALL_MS);
      }
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const DESCRIPTION: Record<Target, string> = {
  decodeLink: 'strings, mutated links, deflated JSON, raw bytes',
  parse: 'strings, token soup, mutated corpus',
  names: "children, parent, capability keys, ops, picks and slots named after Object.prototype's members",
};

function lineFor(target: Target, runs: number, seed: number, outcome: Outcome, wallMs: number): BenchLine {
  const name = `fuzz: ${target}, ${runs.toLocaleString('en-US')} inputs (${DESCRIPTION[target]})`;
  if (outcome.kind === 'stalled') {
    const from = seed + Math.floor(outcome.inputs / BATCH);
    return {
      name,
      measured:
        `STALLED: no result for ${STALL_MS / 1000} s after ${outcome.inputs} inputs ` +
        `(the next batch: fc.sample(arb, { numRuns: ${BATCH}, seed: ${from} }))`,
      budget: '0 failures',
      ok: false,
    };
  }
  let where = '';
  if (outcome.firstFailures.length > 0) {
    const file = join(tmpdir(), `harn-fuzz-${target}-${seed}.json`);
    writeFileSync(file, JSON.stringify(outcome.firstFailures, null, 2));
    const first = outcome.firstFailures[0]!;
    where = `; first: ${first.problem.split('\n')[0]} on ${JSON.stringify(first.input.slice(0, 80))}; inputs in ${file}`;
  }
  const perSecond = outcome.inputs / (outcome.targetMs / 1000);
  return {
    name,
    measured:
      `${fmt(perSecond, 0)} inputs/s (${fmt(outcome.inputs / (wallMs / 1000), 0)}/s with generation), ` +
      `slowest ${fmt(outcome.slowestMs)} ms, ` +
      `${outcome.failures} failures, seed ${seed}${where}`,
    budget: '0 failures',
    ok: outcome.failures === 0 && outcome.inputs === runs,
  };
}

export async function bench(): Promise<BenchLine[]> {
  const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 0x7fff_0000));
  const lines: BenchLine[] = [];
  for (const target of ['decodeLink', 'parse', 'names'] as const) {
    // A names input runs the whole pipeline (validate, link, analyze, simulate): a tenth as many.
    const runs = target === 'names' ? Math.max(1, Math.round(RUNS / 10)) : RUNS;
    const t0 = performance.now();
    const outcome = await runWatched(target, runs, seed);
    lines.push(lineFor(target, runs, seed, outcome, performance.now() - t0));
  }
  return lines;
}
