// The header's layout toggle: Lesson (the stepper and register file get the room) | Policy (the editor and ledger
// do). The choice is part of the share link (view.layout).
import type { ViewLayout } from '../../core/scenario/types.ts';
import { useStore } from '../../state/store.ts';
import RadioSwitch, { type RadioOption } from './RadioSwitch.tsx';

const LAYOUTS: readonly RadioOption<ViewLayout>[] = [
  { value: 'lesson', label: 'Lesson', hint: 'the stepper and the thread-locals get the room; the ledger folds to a summary' },
  { value: 'policy', label: 'Policy', hint: 'the editor and the effects ledger get the room; the scheduler folds to its verdict' },
];

export default function LayoutSwitch() {
  const layout = useStore((s) => s.layout);
  const setLayout = useStore((s) => s.setLayout);
  return <RadioSwitch legend="Layout" name="layout" options={LAYOUTS} value={layout} onChange={setLayout} className="layout-switch" />;
}
