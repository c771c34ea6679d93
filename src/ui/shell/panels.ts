// The panels the first screen of most visits does not show, each in a chunk of its own (lazyPanel.ts, issue 30):
// a challenge's or exercise's goal, Predict mode's bar and question, the editor column's tabs and problem list
// (never on a link's first screen, firstScreen.ts), the examples gallery (opened by a click), the start card (a
// newcomer's first load, or Help), the banner about where the session came from, and the folded parts' summaries.
import type { AppState } from '../../state/store.ts';
import { lazyPanel } from './lazyPanel.ts';

export const GoalPanel = lazyPanel(() => import('../goals/GoalPanel.tsx'));
export const PredictBar = lazyPanel(() => import('../run/PredictBar.tsx'));
export const PredictQuestion = lazyPanel(() => import('../run/PredictQuestion.tsx'));
export const ProgramTabs = lazyPanel(() => import('../editors/ProgramTabs.tsx'));
export const DiagnosticsPanel = lazyPanel(() => import('../diagnostics/DiagnosticsPanel.tsx'));
export const StartCardBody = lazyPanel(() => import('../start/StartCardBody.tsx'));
export const SessionNotice = lazyPanel(() => import('../share/SessionNotice.tsx'));
// The one-line summaries of folded parts, shown in place of the ledger (Lesson layout) or the stepper (Policy).
export const LedgerSummary = lazyPanel<object>(() => import('./FoldSummaries.tsx').then((m) => ({ default: m.LedgerSummary })));
export const RunVerdict = lazyPanel<object>(() => import('./FoldSummaries.tsx').then((m) => ({ default: m.RunVerdict })));
export const ExamplesGallery = lazyPanel(() => import('../examples/ExamplesGallery.tsx'));

/** The lazy panels the session's first screen shows (a goal, Predict mode, a banner, the Policy layout's verdict): the boot waits for them before the page
 * renders the session, so nothing above the stepper's sentence arrives a frame later. A chunk that fails to load is
 * left to the panel's own Suspense (it asks again when it renders). */
export async function preloadFirstScreen(state: Pick<AppState, 'scenario' | 'predict' | 'sessionBanner' | 'layout'>): Promise<void> {
  const wanted: Promise<void>[] = [];
  if (state.scenario.goal) wanted.push(GoalPanel.preload());
  if (state.predict) wanted.push(PredictBar.preload(), PredictQuestion.preload());
  if (state.sessionBanner) wanted.push(SessionNotice.preload());
  // The Policy layout shows the stepper folded to its verdict line.
  if (state.layout === 'policy') wanted.push(RunVerdict.preload());
  await Promise.allSettled(wanted);
}

/** Once the first screen is painted: the panels a click may show next, so that they appear without a fallback. */
export function preloadTheRest(): void {
  for (const panel of [
    GoalPanel,
    PredictBar,
    PredictQuestion,
    ProgramTabs,
    DiagnosticsPanel,
    ExamplesGallery,
    StartCardBody,
    SessionNotice,
    LedgerSummary,
    RunVerdict,
  ])
    void panel.preload().catch(() => undefined);
}
