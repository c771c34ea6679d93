// A link's first screen (issue 30): the session's first render puts on the page what is above and around the link's
// landing sentence (the header, the scheduler column with the stepper at that step), and the rest (the editor and
// ledger columns, the panels under the stepper) follows once that screen has been painted, in a render of its own
// that React may interrupt. Rendered in the same commit, the rest doubled the time from the worker's first reply to
// the sentence on screen; nothing in it moves the sentence, which sits above it or beside it. Any other boot (an
// autosave, the default scenario: no preview waiting) renders the whole page at once, as before.
import { createContext, startTransition, useContext, useEffect, useState } from 'react';
import { shownPreview } from '../../state/slices/run.ts';
import { useStore } from '../../state/store.ts';
import { afterNextPaint } from './afterPaint.ts';

/** Whether the rest of the page is rendered: false only during a link's first screen. */
export const RestOfPageContext = createContext(true);

export function useRestOfPage(): boolean {
  return useContext(RestOfPageContext);
}

/** For the part that owns the columns: false at first when the session opens on a link's preview in the Lesson layout
 * (read once, at its first render), true once that first screen has been painted. */
export function useRestAfterFirstScreen(): boolean {
  // Only in the Lesson layout, where the stepper is the first column: the Policy layout folds it to a line.
  const [rest, setRest] = useState(() => shownPreview(useStore.getState()) === null || useStore.getState().layout !== 'lesson');
  useEffect(() => {
    if (rest) return;
    let live = true;
    void afterNextPaint().then(() => {
      if (live) startTransition(() => setRest(true));
    });
    return () => {
      live = false;
    };
  }, [rest]);
  return rest;
}
