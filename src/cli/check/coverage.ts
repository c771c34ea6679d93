// `check --coverage`: core's policy coverage placed in files — each grant record and ceiling entry with the
// children and call lines that use it, and the unused ones.
import { createLineIndex, policyCoverage, type CoverageEntry } from '../../core/index.ts';
import type { CheckInput } from './inputs.ts';

export interface PlacedCoverageEntry {
  entry: string;
  used_by: { child: string; effect: string; file: string; lines: number[] }[];
}

export interface CoverageResult {
  grant: PlacedCoverageEntry[] | null;
  ceilings: { child: string; entries: PlacedCoverageEntry[] }[];
  unused: string[];
}

export function coverageOf(input: CheckInput): CoverageResult | null {
  const scenario = input.scenario;
  if (scenario === null) return null;
  const coverage = policyCoverage({ parent: scenario.parent, children: scenario.children });
  const place = (entry: CoverageEntry): PlacedCoverageEntry => ({
    entry: entry.entry,
    used_by: entry.uses.map((use) => {
      const child = scenario.children.find((c) => c.name === use.child);
      const lines = createLineIndex(child?.source ?? '');
      return { child: use.child, effect: use.effect, file: input.children.find((c) => c.name === use.child)?.file ?? use.child, lines: [...new Set(use.sites.map((s) => lines.position(s.start).line))] };
    }),
  });
  const grant = coverage.grant?.map(place) ?? null;
  const ceilings = coverage.ceilings.map((c) => ({ child: c.child, entries: c.entries.map(place) }));
  const unused = [
    ...(grant ?? []).filter((e) => e.used_by.length === 0).map((e) => `parent grant record ${e.entry}`),
    ...ceilings.flatMap((c) => c.entries.filter((e) => e.used_by.length === 0).map((e) => `${c.child}'s ceiling entry ${e.entry}`)),
  ];
  return { grant, ceilings, unused };
}

/** The coverage as text lines (indented under the input's summary). */
export function coverageText(coverage: CoverageResult): string[] {
  const uses = (e: PlacedCoverageEntry) => (e.used_by.length === 0 ? 'unused' : e.used_by.map((u) => `${u.child} ${u.effect} at ${u.file}:${u.lines.join(',')}`).join('; '));
  const lines = ['  coverage:'];
  if (coverage.grant === null) lines.push('    parent grant: none written (the parent\'s computed effects are checked)');
  else for (const e of coverage.grant) lines.push(`    grant ${e.entry}: ${uses(e)}`);
  for (const c of coverage.ceilings) for (const e of c.entries) lines.push(`    ${c.child}'s ceiling ${e.entry}: ${uses(e)}`);
  lines.push(`    unused: ${coverage.unused.length === 0 ? 'none' : coverage.unused.join(', ')}`);
  return lines;
}
