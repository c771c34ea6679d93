// Small selectors over the store, so components select the smallest value they need.
import type { ProgramView } from './analysisTypes.ts';
import type { AppState } from './storeTypes.ts';

/** The names of every program: the parent first, then the children in order (use with `useShallow`). */
export function selectProgramNames(s: AppState): string[] {
  return [s.scenario.parent.name, ...s.scenario.children.map((c) => c.name)];
}

/** The source of the parent or the child named `tab` ('' when there is none). */
export function selectSource(tab: string): (s: AppState) => string {
  return (s) => (tab === s.scenario.parent.name ? s.scenario.parent.source : (s.scenario.children.find((c) => c.name === tab)?.source ?? ''));
}

/** The source the latest analysis of `tab` was computed from; the current source until a reply has arrived. */
export function selectAnalyzedSource(tab: string): (s: AppState) => string {
  return (s) => s.analyzedSources.get(tab) ?? selectSource(tab)(s);
}

/** The child's index, or null for the parent / an unknown name. */
export function selectChildIndex(tab: string): (s: AppState) => number | null {
  return (s) => {
    const index = s.scenario.children.findIndex((c) => c.name === tab);
    return index < 0 ? null : index;
  };
}

/** The latest analysis of one program, or null while none has arrived for it. */
export function selectProgramAnalysis(tab: string): (s: AppState) => ProgramView | null {
  return (s) => {
    const analysis = s.analysis;
    if (!analysis) return null;
    if (tab === s.scenario.parent.name) return analysis.parent;
    return analysis.children.find((c) => c.name === tab) ?? null;
  };
}

/** True while the shown analysis answers an older request than the latest one sent. */
export function selectAnalysisPending(s: AppState): boolean {
  return s.analysisAnsweredId !== s.analysisRequestId;
}
