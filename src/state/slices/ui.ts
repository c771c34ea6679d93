// UI state: the selected editor tab, theme, pane sizes, the ceiling view, and reveal requests that the editor
// watches to reveal and select a range (a diagnostic or ledger row was clicked).
import type { Span } from '../../core/diagnostics.ts';
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

/** Column widths in percent of the window: the editor column and the ledger column (the run column takes the rest). */
export interface PaneSizes {
  editor: number;
  ledger: number;
}

export interface UiSlice {
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
  selectedTab: 'parent',
  theme: 'system',
  revealRequest: null,
  panes: { editor: 38, ledger: 28 },
  ceilingView: 'form',
  selectTab: (selectedTab) => set({ selectedTab }),
  setTheme: (theme) => set({ theme }),
  reveal: (tab, at) => set(({ revealRequest }) => ({ selectedTab: tab, revealRequest: { tab, at: { ...at }, nonce: (revealRequest?.nonce ?? 0) + 1 } })),
  setPanes: (panes) => set({ panes }),
  setCeilingView: (ceilingView) => set({ ceilingView }),
});
