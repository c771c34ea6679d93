// The pinned policy decisions: a snapshot of every child's decided effects (granted, dropped, escaping) taken when
// the user pins the current ceilings and grant; edits afterwards are compared with it. A small store of its own
// (not persisted, not shared): only the comparison panel reads it. Diffs are of the view's summaries, so the page
// compares lists of labels the worker produced and analyzes nothing itself.
import { create } from 'zustand';
import type { AnalysisView } from '../../state/analysisTypes.ts';

export interface PinnedDecisions {
  granted: string[];
  dropped: string[];
  escaping: string[];
}

interface PinState {
  /** By child name; null when nothing is pinned. */
  pinned: Map<string, PinnedDecisions> | null;
  pin: (view: AnalysisView) => void;
  unpin: () => void;
}

export const usePinStore = create<PinState>((set) => ({
  pinned: null,
  pin: (view) =>
    set({
      pinned: new Map(
        view.children.map((c) => [c.name, { granted: c.granted.map((r) => r.summary), dropped: c.dropped.map((r) => r.summary), escaping: c.violations.map((r) => r.summary) }]),
      ),
    }),
  unpin: () => set({ pinned: null }),
}));

export interface DecisionChangeRows {
  newlyDropped: string[];
  newlyAllowed: string[];
  newlyEscaping: string[];
  noLongerEscaping: string[];
}

const minus = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x));

/** What changed for one child since the pin (its pinned decisions, or none if it was added after). */
export function changesSincePin(pinned: PinnedDecisions | undefined, now: PinnedDecisions): DecisionChangeRows {
  const before = pinned ?? { granted: [], dropped: [], escaping: [] };
  return {
    newlyDropped: minus(now.dropped, before.dropped),
    newlyAllowed: minus(now.granted, before.granted),
    newlyEscaping: minus(now.escaping, before.escaping),
    noLongerEscaping: minus(before.escaping, now.escaping),
  };
}
