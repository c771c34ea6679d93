// Effect analysis benchmark: edit-to-result work for a generated 1,000-line child, i.e. the worker's per-edit path
// (its view analyzer, `createViewAnalyzer().analyze`, on a keystroke: parse, effects re-collected for the edited
// statement, ceiling and parent checks, plus the structuredClone that postMessage does; budget median < 16 ms), the
// same from scratch (`analyzeScenario`) as its peer in the same run, and whole-corpus analysis throughput.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeScenario, computeHandoffEffects, createViewAnalyzer, effectsToJson } from '../src/core/index.ts';
import { fmt, median, percentile, sample, type BenchLine } from './lib.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FRAME_BUDGET_MS = 16;

// A realistic mix: builtins with literal and identifier args, harness calls, control flow, closures, HITL.
const SNIPPETS = [
  (i: number) => [`  let body${i} = read_file("src/file${i}.txt")`],
  (i: number) => [`  let r${i} = http_get("https://api.example.test/v1/items/${i}")`],
  (i: number) => [`  if file_exists(path${i}) {`, `    write_file(path${i}, body${i})`, `  } else {`, `    log("missing ${i}")`, `  }`],
  (i: number) => [`  harness.net.post("https://hooks.example.test/${i}", {n: ${i}})`],
  (i: number) => [`  let answer${i} = llm_call("summarize ${i}", {provider: "anthropic", model: "claude-3-5-sonnet"})`],
  (i: number) => [`  for item in list_dir("dir${i}") {`, `    harness.fs.write_text(item, "x")`, `    println(item)`, `  }`],
  (i: number) => [`  let xs${i} = [1, 2, 3].map({ x -> x * ${i} })`],
  (i: number) => [`  mcp_call(client, "github.create_pr", {target: "branch${i}"})`],
  (i: number) => [`  try {`, `    exec("make test${i}")`, `  } catch (e) {`, `    eprintln("failed: \${e}")`, `  }`],
  (i: number) => [`  with_execution_policy(policy, { -> delete_file("tmp/${i}") })`],
];

export function generateChild(lines: number): string {
  const out: string[] = ['pipeline main(harness) {'];
  let i = 0;
  while (out.length < lines - 1) {
    out.push(...SNIPPETS[i % SNIPPETS.length]!(i));
    i++;
  }
  out.push('}');
  return out.join('\n');
}

function corpusFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...corpusFiles(path));
    else if (name.endsWith('.harn')) out.push(path);
  }
  return out;
}

export async function bench(): Promise<BenchLine[]> {
  const child = generateChild(1000);
  // A parent that grants most families, so violations are a realistic minority (hostcalls, stdio).
  const grant = [{ kind: { kind: 'net' }, scope: 'write' }, { kind: { kind: 'fs' }, scope: 'mutate' }, { kind: { kind: 'llm' }, scope: 'write' }];
  const input = {
    parent: { name: 'parent', source: 'pipeline main() {\n  spawn_agent(cfg)\n}', grant },
    children: [{ name: 'alpha', source: child, ceiling: { capabilities: { workspace: ['read_text', 'write_text'], network: [] }, side_effect_level: 'network' } }],
  };
  // A keystroke in the middle of the child: a letter typed into a path, then deleted, then typed again.
  const middle = child.indexOf('src/file', child.length >> 1);
  const edited = [child, `${child.slice(0, middle)}x${child.slice(middle)}`];
  const withSource = (source: string) => ({ ...input, children: [{ ...input.children[0]!, source }] });
  const analyzer = createViewAnalyzer();
  let keystroke = 0;
  let have: number | null = null;
  const times = sample(() => {
    const reply = analyzer.analyze(withSource(edited[keystroke++ % 2]!), have);
    have = reply.version;
    structuredClone(reply);
  });
  const fullReply = analyzer.analyze(withSource(child), null);
  const effectsSeen = fullReply.kind === 'full' ? fullReply.view.children[0]!.requested.length : 0;
  const replyBytes = JSON.stringify(analyzer.analyze(withSource(edited[1]!), fullReply.version)).length;
  const med = median(times);
  const scratchTimes = sample(() => structuredClone(analyzeScenario(withSource(edited[keystroke++ % 2]!))));
  const scratchMed = median(scratchTimes);

  const files = corpusFiles(join(repoRoot, '../shared/corpus/harn')).map((path) => readFileSync(path, 'utf8'));
  const bytes = files.reduce((n, text) => n + text.length, 0);
  let records = 0;
  const corpusTimes = sample(
    () => {
      records = 0;
      for (const text of files) records += effectsToJson(computeHandoffEffects(text)).length > 2 ? 1 : 0;
    },
    { warmup: 1, minMs: 1000, minRuns: 3 },
  );
  const corpusMed = median(corpusTimes);

  return [
    {
      name: `analysis: 1,000-line child, one keystroke: the worker's view analyzer + clone of its reply (${effectsSeen} effects)`,
      measured: `median ${fmt(med)} ms, p95 ${fmt(percentile(times, 95))} ms; the reply is ${fmt(replyBytes / 1024, 1)} KB as JSON (the whole view: ${fmt(JSON.stringify(fullReply).length / 1024, 0)} KB)`,
      budget: `median < ${FRAME_BUDGET_MS} ms`,
      ok: med < FRAME_BUDGET_MS,
    },
    {
      name: 'analysis: same keystroke from scratch (analyzeScenario + clone), the peer',
      measured: `median ${fmt(scratchMed)} ms, p95 ${fmt(percentile(scratchTimes, 95))} ms; the analyzer is ${fmt(scratchMed / med)}x faster`,
    },
    {
      name: `analysis: corpus (${files.length} files, ${fmt(bytes / 1024, 0)} KiB, ${records} with effects)`,
      measured: `${fmt((files.length / corpusMed) * 1000, 0)} files/s (${fmt(corpusMed)} ms per pass)`,
    },
  ];
}
