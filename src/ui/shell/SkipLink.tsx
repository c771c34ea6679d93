// The page's first Tab stop: jumps to the stepper (unfolding the scheduler in the Policy layout). A button-like
// link that never changes the address bar (the fragment holds the session).
import { useStore } from '../../state/store.ts';

/** Moves focus to the stepper's controls, unfolding the scheduler first when the layout folds it. */
export function focusStepper(): void {
  const state = useStore.getState();
  if (state.layout === 'policy' && !state.unfolded.run) state.setUnfolded('run', true);
  // After React has shown the unfolded panel.
  requestAnimationFrame(() => document.getElementById('stepper')?.focus());
}

export default function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#stepper"
      onClick={(e) => {
        e.preventDefault();
        focusStepper();
      }}
    >
      Skip to the stepper
    </a>
  );
}
