// Coverage of a scenario's policies: every parent grant record and every ceiling capability entry, with the child
// effects (and their call sites) that use it — a grant record is used by each granted child effect it covers, a
// ceiling entry by each kept effect whose capability/op it allows — and so the unused ones. Pure: depends on
// ../analysis only.
import { analyzeScenario, type ScenarioAnalysisInput } from '../analysis/analyze.ts';
import { effectCapabilityOp, effectRecordSummary, parentCoversChild } from '../analysis/effects.ts';
import { parseCeilingValue } from '../analysis/policy.ts';
import type { Span } from '../diagnostics.ts';
import type { EffectRecord } from '../analysis/types.ts';

/** One child effect that uses a policy entry, with its call sites in that child's source. */
export interface CoverageUse {
  child: string;
  effect: string;
  sites: Span[];
}

export interface CoverageEntry {
  /** `fs:read (notes.md)` for a grant record; `workspace.read_text` (or `network.*`) for a ceiling entry. */
  entry: string;
  uses: CoverageUse[];
}

export interface PolicyCoverage {
  /** Null when the parent has no explicit grant (its computed effects are checked instead) or it is invalid. */
  grant: CoverageEntry[] | null;
  /** Per child with a ceiling that lists capabilities. */
  ceilings: { child: string; entries: CoverageEntry[] }[];
}

export function policyCoverage(input: ScenarioAnalysisInput): PolicyCoverage {
  const analysis = analyzeScenario(input);
  const granted = analysis.children.map((c) => ({ child: c.name, effects: c.granted }));
  const useOf = (child: string, item: { effect: EffectRecord; sites: Span[] }): CoverageUse => ({ child, effect: effectRecordSummary(item.effect), sites: item.sites });
  const grant =
    analysis.parentEffectsSource === 'grant' && analysis.parentEffects
      ? analysis.parentEffects.map((record) => ({
          entry: effectRecordSummary(record),
          uses: granted.flatMap(({ child, effects }) => effects.filter((g) => parentCoversChild(record, g.effect)).map((g) => useOf(child, g))),
        }))
      : null;
  const ceilings: PolicyCoverage['ceilings'] = [];
  input.children.forEach((child, i) => {
    const ceiling = parseCeilingValue(child.ceiling ?? null).value;
    const capabilities = ceiling?.capabilities ?? {};
    if (Object.keys(capabilities).length === 0) return;
    const report = analysis.children[i]!;
    const entries: CoverageEntry[] = [];
    for (const [capability, ops] of Object.entries(capabilities)) {
      const names = ops.length === 0 ? ['*'] : ops;
      for (const op of names) {
        const uses = report.granted.filter((g) => {
          const [c, o] = effectCapabilityOp(g.effect);
          return c === capability && (op === '*' || o === op);
        });
        entries.push({ entry: `${capability}.${op}`, uses: uses.map((g) => useOf(child.name, g)) });
      }
    }
    ceilings.push({ child: child.name, entries });
  });
  return { grant, ceilings };
}
