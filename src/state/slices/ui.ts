// UI state: the selected editor tab, theme, pane sizes, the ceiling view, and reveal requests that the editor
// watches to reveal and select a range (a diagnostic or ledger row was clicked).
import type { Span } from '../../core/diagnostics.ts';
import type { ViewLayout } from '../../core/scenario/types.ts';
import type { Place } from '../analysisTypes.ts';
import type { SliceCreator } from '../storeTypes.ts';

export type Theme = 'system' | 'light' | 'dark' | 'contrast';

/** Where to reveal: offsets (a trace's spans) or 1-based line:column (the analysis view's places). */
export type RevealTarget = Span | Place;

/** Ask the editor to show `tab` and select `at`; `nonce` makes a repeated click on the same range count. */
export interface RevealRequest {
  tab: string;
  at: RevealTarget;
  nonce: number;
}

/** Column widths in percent of the window: in the Policy layout the editor column and the ledger column (the run
 * column takes the rest); in the Lesson layout the run column (the editor takes the rest). */
export interface PaneSizes {
  editor: number;
  ledger: number;
  run: number;
}

/** The parts a layout folds to one line: the ledger (Lesson layout) and the scheduler (Policy layout). */
export type FoldPart = 'ledger' | 'run';

export interface UiSlice {
  /** The screen arrangement (carried by links in `view.layout`): the stepper first, or the editor and ledger. */
  layout: ViewLayout;
  /** Folded parts the user opened (a layout folds the ledger or the scheduler to a summary line). */
  unfolded: Readonly<Record<FoldPart, boolean>>;
  /** The Examples gallery is open (the header's menu; the start card opens it too). */
  examplesOpen: boolean;
  setExamplesOpen: (open: boolean) => void;
  /** The start card is shown (a newcomer's first visit, or the header's Help). */
  startCardOpen: boolean;
  setStartCardOpen: (open: boolean) => void;
  setLayout: (layout: ViewLayout) => void;
  setUnfolded: (part: FoldPart, open: boolean) => void;
  /** The parent's or a child's name. */
  selectedTab: string;
  theme: Theme;
  revealRequest: RevealRequest | null;
  panes: PaneSizes;
  /** How the selected child's ceiling is edited. */
  ceilingView: 'form' | 'json';
  selectTab: (tab: string) => void;
  setTheme: (theme: Theme) => void;
  /** Selects `tab` and asks the editor to reveal and select `at` in it. */
  reveal: (tab: string, at: RevealTarget) => void;
  setPanes: (panes: PaneSizes) => void;
  setCeilingView: (view: 'form' | 'json') => void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  // The default scenario's layout (state/defaultScenario.ts): the page opens on a policy to prototype.
  layout: 'policy',
  unfolded: { ledger: false, run: false },
  examplesOpen: false,
  setExamplesOpen: (examplesOpen) => set({ examplesOpen }),
  startCardOpen: false,
  setStartCardOpen: (startCardOpen) => set({ startCardOpen }),
  setLayout: (layout) => set({ layout, unfolded: { ledger: false, run: false } }),
  setUnfolded: (part, open) => set(({ unfolded }) => ({ unfolded: { ...unfolded, [part]: open } })),
  selectedTab: 'parent',
  theme: 'system',
  revealRequest: null,
  panes: { editor: 38, ledger: 28, run: 58 },
  ceilingView: 'form',
  selectTab: (selectedTab) => set({ selectedTab }),
  setTheme: (theme) => set({ theme }),
  reveal: (tab, at) => set(({ revealRequest }) => ({ selectedTab: tab, revealRequest: { tab, at: { ...at }, nonce: (revealRequest?.nonce ?? 0) + 1 } })),
  setPanes: (panes) => set({ panes }),
  setCeilingView: (ceilingView) => set({ ceilingView }),
});
