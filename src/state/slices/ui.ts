// UI state: the selected editor tab, theme, pane sizes, the ceiling view, and reveal requests that the editor
// watches to reveal and select a range (a diagnostic or ledger row was clicked).
import type { Span } from '../../core/diagnostics.ts';
import type { SliceCreator } from '../storeTypes.ts';

export type Theme = 'system' | 'light' | 'dark' | 'contrast';

/** Ask the editor to show `tab` and select `span`; `nonce` makes a repeated click on the same range count. */
export interface RevealRequest {
  tab: string;
  span: Span;
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
  /** Selects `tab` and asks the editor to reveal and select `span` in it. */
  reveal: (tab: string, span: Span) => void;
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
  reveal: (tab, span) =>
    set(({ revealRequest }) => ({ selectedTab: tab, revealRequest: { tab, span: { start: span.start, end: span.end }, nonce: (revealRequest?.nonce ?? 0) + 1 } })),
  setPanes: (panes) => set({ panes }),
  setCeilingView: (ceilingView) => set({ ceilingView }),
});
