// The header's layout toggle: Lesson (the stepper and register file get the room) | Policy (the editor and ledger
// do). The choice is part of the share link (view.layout).
import type { ViewLayout } from '../../core/scenario/types.ts';
import { useStore } from '../../state/store.ts';

const LAYOUTS: { layout: ViewLayout; label: string; hint: string }[] = [
  { layout: 'lesson', label: 'Lesson', hint: 'the stepper and the thread-locals get the room; the ledger folds to a summary' },
  { layout: 'policy', label: 'Policy', hint: 'the editor and the effects ledger get the room; the scheduler folds to its verdict' },
];

export default function LayoutSwitch() {
  const layout = useStore((s) => s.layout);
  const setLayout = useStore((s) => s.setLayout);
  return (
    <fieldset className="mode-switch layout-switch">
      <legend>Layout</legend>
      {LAYOUTS.map((l) => (
        <label key={l.layout} title={l.hint} className={l.layout === layout ? 'selected' : undefined}>
          <input type="radio" name="layout" value={l.layout} checked={l.layout === layout} onChange={() => setLayout(l.layout)} />
          {l.label}
        </label>
      ))}
    </fieldset>
  );
}
