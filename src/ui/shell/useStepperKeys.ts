// The stepper's keys on the whole page (issue 15): → ← Home End space step wherever focus is, except in a text
// field, a scroll region or the editor (ownsKeys), so a reader never has to find the stepper first.
import { useEffect } from 'react';
import { onStepperKey } from '../run/hooks.ts';

export function useStepperKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.defaultPrevented) onStepperKey(event);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
