// The analysis reply protocol end to end: the worker's view analyzer (core) numbers its replies and sends patches,
// the page (state/viewPatch.ts) splices them into what it holds. Along runs of random edits the held view must equal
// the view computed from scratch, and a row no patch touched must stay the same object.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisView, analyzeScenario, createLineIndex, createViewAnalyzer, type ScenarioAnalysisInput, type ViewReply } from '../../src/core/index.ts';
import { applyViewReply, type HeldView } from '../../src/state/viewPatch.ts';
import { edit, random } from '../core/analysis/edits.ts';
import { corpusRoot, listHarnFiles } from '../core/syntax/corpus.ts';

const programs = listHarnFiles(join(corpusRoot, 'harn'))
  .map((file) => readFileSync(join(corpusRoot, 'harn', file), 'utf8'))
  .filter((source) => /\b(pipeline|fn|tool)\b/.test(source));

const PARENT = 'pipeline main() {\n  write_file("summary.txt", "x")\n  spawn_agent("a")\n}\n';
// A ceiling that drops network effects and a grant that lacks most families: all four ledger sections fill.
const CEILING = { capabilities: { workspace: ['read_text', 'write_text'] }, side_effect_level: 'workspace_write' };
const GRANT = [{ kind: { kind: 'fs' }, scope: 'write' }];

function scenario(first: string, second: string, grant: unknown = GRANT): ScenarioAnalysisInput {
  return {
    parent: { name: 'parent', source: PARENT, grant },
    children: [
      { name: 'alpha', source: first, ceiling: CEILING },
      { name: 'beta', source: second, ceiling: null },
    ],
  };
}

/** What the page receives: the reply after structured cloning (postMessage). */
function posted(reply: ViewReply): ViewReply {
  return structuredClone(reply);
}

describe('analysis view', () => {
  it('places each call site at its line and column, granted rows being the requested ones', () => {
    const source = 'pipeline main() {\n  read_file("a.txt")\n  let r = http_get("https://x.test")\n}\n';
    const input = scenario(source, source);
    const view = analysisView(input, analyzeScenario(input));
    const beta = view.children[1]!;
    expect(beta.requested.map((row) => [row.summary, row.sites])).toEqual([
      ['fs:read (a.txt)', [{ line: 2, column: 3, endLine: 2, endColumn: 21 }]],
      ['net:write (https://x.test)', [{ line: 3, column: 11, endLine: 3, endColumn: 37 }]],
    ]);
    expect(beta.granted[0]).toBe(beta.requested[0]);
    const alpha = view.children[0]!;
    expect(alpha.dropped.map((row) => row.detail)).toEqual([expect.stringMatching(/^capability\/op: network\.http is not in the ceiling/)]);
    expect(alpha.violations).toEqual([]);
    // The reason says there is no parent record of this kind; nothing beside it says it again.
    expect(beta.violations.map((row) => [row.summary, row.extra])).toEqual([['net:write (https://x.test)', undefined]]);
    expect(beta.violations[0]!.detail).toMatch(/escapes the parent grant: the parent grants no net effect/);
    const diagnostic = beta.diagnostics.find((d) => d.code === 'HARN-CAP-301')!;
    const lines = createLineIndex(source);
    expect(source.slice(lines.offset(diagnostic.place.line, diagnostic.place.column), lines.offset(diagnostic.place.endLine, diagnostic.place.endColumn))).toBe('http_get("https://x.test")');
  });
});

describe("the parent's column, worded by core", () => {
  it("carries the parent's effects as the seed summarizes them, and an invalid grant as S553 words it", () => {
    const source = 'pipeline main() {\n  read_file("a.txt")\n}\n';
    const granted = scenario(source, source, [{ kind: { kind: 'net' }, scope: 'write', resource: 'https://x' }, { kind: { kind: 'llm', provider: 'p', model: 'm' }, scope: 'read' }]);
    const view = analysisView(granted, analyzeScenario(granted));
    expect(view.parentEffectSummaries).toEqual(['net:write (https://x)', 'llm:p/m:read']);
    expect(view.grantError).toBeNull();
    const invalid = scenario(source, source, [{ kind: { kind: 'net' } }, { scope: 'read' }]);
    const bad = analysisView(invalid, analyzeScenario(invalid));
    expect(bad.parentEffectSummaries).toEqual([]);
    expect(bad.grantError).toBe('parent.grant[0]: missing field `scope` (and 1 more)');
    expect(bad.parent.diagnostics.find((d) => d.code === 'S553')?.message).toBe(`The parent grant is invalid, so no child is spawned: ${bad.grantError}`);
  });
});

describe('view replies', () => {
  it("carry the playground's spawns in a patch when the parent's spawn names change", () => {
    const analyzer = createViewAnalyzer();
    const child = 'pipeline main() {\n  read_file("a.txt")\n}\n';
    const input = (parent: string): ScenarioAnalysisInput => ({
      parent: { name: 'parent', source: parent, grant: null },
      children: [{ name: 'alpha', source: child, ceiling: null }, { name: 'beta', source: child, ceiling: null }],
    });
    let held = applyViewReply(null, posted(analyzer.analyze(input('pipeline main() {\n  spawn_agent("alpha")\n}\n'), null)));
    expect(held!.view.playgroundSpawns).toEqual([null, 'beta is spawned by the playground: parent\'s code spawns "alpha", not "beta".']);
    const both = input('pipeline main() {\n  spawn_agent("alpha")\n  spawn_agent("beta")\n}\n');
    const reply = posted(analyzer.analyze(both, held!.version));
    expect(reply.kind).toBe('patch');
    held = applyViewReply(held, reply);
    expect(held!.view.playgroundSpawns).toEqual([null, null]);
    expect(held!.view).toEqual(analysisView(both, analyzeScenario(both)));
  });

  it('patched along random edits, the page holds exactly the view computed from scratch', () => {
    const next = random(20261201);
    let replies = 0;
    let patches = 0;
    let keptRows = 0;
    let patchedRows = 0;
    for (let run = 0; run < 40; run++) {
      const analyzer = createViewAnalyzer();
      let first = programs[Math.floor(next() * programs.length)]!;
      let second = programs[Math.floor(next() * programs.length)]!;
      let held: HeldView | null = null;
      for (let step = 0; step < 30; step++) {
        if (next() < 0.7) first = edit(first, next);
        else second = edit(second, next);
        // Now and then the grant changes too (to nothing: every child effect escapes it).
        const input = scenario(first, second, next() < 0.1 ? [] : GRANT);
        const reply = posted(analyzer.analyze(input, held?.version ?? null));
        const before = held;
        held = applyViewReply(held, reply);
        replies++;
        expect(held, `run ${run} step ${step}`).not.toBeNull();
        expect(held!.view).toEqual(analysisView(input, analyzeScenario(input)));
        if (reply.kind === 'patch') {
          patches++;
          const was = new Set(before!.view.children.flatMap((child) => child.requested));
          const rows = held!.view.children.flatMap((child) => child.requested);
          patchedRows += rows.length;
          keptRows += rows.filter((row) => was.has(row)).length;
        }
      }
    }
    expect(replies).toBe(1200);
    // Every reply after a run's first is a patch, and rows survive them as the same objects.
    expect(patches).toBe(1200 - 40);
    expect(keptRows).toBeGreaterThan(patchedRows / 2);
  });

  it('a keystroke inside one call sends only that call\'s row, and a row that moves sends only itself', () => {
    const body = Array.from({ length: 200 }, (_, i) => `  read_file("file${i}.txt")`).join('\n');
    const source = `pipeline main() {\n${body}\n}\n`;
    const analyzer = createViewAnalyzer();
    const full = analyzer.analyze(scenario(source, source), null);
    const edited = source.replace('file100.txt', 'file100x.txt');
    const reply = analyzer.analyze(scenario(edited, source), full.version);
    expect(reply.kind).toBe('patch');
    if (reply.kind !== 'patch') return;
    const alpha = reply.patch.children[0]!;
    const rows = alpha.requested!;
    expect(rows.middle).toEqual([expect.objectContaining({ summary: 'fs:read (file100x.txt)' })]);
    expect(rows.head + rows.tail).toBe(199);
    expect(reply.patch.children[1]).toBeNull();
    expect(reply.patch.parent).toBeUndefined();
    expect(JSON.stringify(reply).length).toBeLessThan(JSON.stringify(full).length / 20);
    // The effect now sorts last: the rows between its old and new place are sent as one kept run, not again.
    const moved = analyzer.analyze(scenario(edited.replace('file100x.txt', 'zzz.txt'), source), reply.version);
    if (moved.kind !== 'patch') throw new Error('expected a patch');
    const middle = moved.patch.children[0]!.requested!.middle;
    expect(middle.filter((part) => !Array.isArray(part))).toEqual([expect.objectContaining({ summary: 'fs:read (zzz.txt)' })]);
    expect(middle.filter((part) => Array.isArray(part))).toHaveLength(1);
    expect(JSON.stringify(moved).length).toBeLessThan(JSON.stringify(full).length / 20);
  });

  it('names only the fields that changed, each by its name', () => {
    const source = 'pipeline main() {\n  read_file("a.txt")\n}\n';
    const analyzer = createViewAnalyzer();
    const first = analyzer.analyze(scenario(source, source), null);
    // alpha stops parsing.
    const broken = 'pipeline main() {\n  read_file("a.txt"\n}\n';
    const reply = posted(analyzer.analyze(scenario(broken, source), first.version));
    if (reply.kind !== 'patch') throw new Error('expected a patch');
    const alpha = reply.patch.children[0]!;
    expect(alpha.name).toBeUndefined();
    expect(alpha.parsed).toBe(false);
    // It no longer parses, so it is not checked and its rows are unknown (empty), with one syntax error.
    expect(Object.keys(alpha).sort()).toEqual(['diagnostics', 'granted', 'parsed', 'requested', 'violationsChecked']);
    expect(alpha.violationsChecked).toBe(false);
    expect(alpha.requested).toEqual({ head: 0, tail: 0, middle: [] });
    expect(reply.patch.children[1]).toBeNull();
    expect(Object.keys(reply.patch).sort()).toEqual(['children']);
    const held = applyViewReply(applyViewReply(null, posted(first)), reply);
    expect(held!.view).toEqual(analysisView(scenario(broken, source), analyzeScenario(scenario(broken, source))));
  });

  it('answers with the whole view when the request holds another version, and the page refuses a patch that does not fit', () => {
    const source = 'pipeline main() {\n  read_file("a.txt")\n}\n';
    const analyzer = createViewAnalyzer();
    const first = analyzer.analyze(scenario(source, source), null);
    expect(first.kind).toBe('full');
    // The page dropped a reply: it still holds `first`, the worker has sent a later one.
    const dropped = analyzer.analyze(scenario(`${source}\n`, source), first.version);
    expect(analyzer.analyze(scenario(source, source), first.version).kind).toBe('full');
    const held = applyViewReply(null, posted(first))!;
    expect(dropped.kind).toBe('patch');
    expect(applyViewReply(held, { ...(dropped as Extract<ViewReply, { kind: 'patch' }>), base: held.version + 5 })).toBeNull();
    if (dropped.kind !== 'patch') return;
    const bad = structuredClone(dropped);
    bad.patch.children[0] = { name: 'alpha', parsed: true, violationsChecked: true, requested: { head: 5, tail: 9, middle: [] } };
    expect(applyViewReply(held, bad)).toBeNull();
    bad.patch.children[0] = { name: 'alpha', parsed: true, violationsChecked: true, requested: { head: 0, tail: 0, middle: [[0, 7]] } };
    expect(applyViewReply(held, bad)).toBeNull();
    // A different number of children is always the whole view.
    const three = analyzer.analyze({ ...scenario(source, source), children: [...scenario(source, source).children, { name: 'gamma', source, ceiling: null }] }, dropped.version + 1);
    expect(three.kind).toBe('full');
  });
});
