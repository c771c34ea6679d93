// A part of the screen a layout folds to one line (the ledger in the Lesson layout, the scheduler in the Policy
// layout): the summary and a Show/Hide button, with the part kept mounted (hidden) so its state and effects live on.
import type { ReactNode } from 'react';
import { useStore } from '../../state/store.ts';
import type { FoldPart } from '../../state/slices/ui.ts';

interface FoldProps {
  part: FoldPart;
  /** Whether this layout folds the part at all; when not, the part shows whole and no bar is drawn. */
  foldable: boolean;
  /** What the folded part says in one line. */
  summary: ReactNode;
  /** The part's name in the button ("the effects ledger"). */
  name: string;
  children: ReactNode;
}

export default function Fold({ part, foldable, summary, name, children }: FoldProps) {
  const open = useStore((s) => s.unfolded[part]);
  const setUnfolded = useStore((s) => s.setUnfolded);
  const shown = !foldable || open;
  const id = `fold-${part}`;
  return (
    <>
      {foldable ? (
        <div className="fold-bar">
          <p className="fold-summary">{summary}</p>
          <button type="button" className="small-button" aria-expanded={open} aria-controls={id} onClick={() => setUnfolded(part, !open)}>
            {open ? `Hide ${name}` : `Show ${name}`}
          </button>
        </div>
      ) : null}
      <div id={id} className="fold-body" hidden={!shown}>
        {children}
      </div>
    </>
  );
}
