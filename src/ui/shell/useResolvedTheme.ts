// The theme actually shown: the user's choice, or the system's colour scheme when the choice is "system".
import { useSyncExternalStore } from 'react';
import { useStore } from '../../state/store.ts';

const QUERY = '(prefers-color-scheme: dark)';

// One query list for the page: React reads the snapshot on every render of a component using the hook and on
// every store change, and each `matchMedia` call builds and evaluates a new list.
let list: MediaQueryList | null | undefined;
function query(): MediaQueryList | null {
  if (list === undefined) list = typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;
  return list;
}

function subscribe(onChange: () => void): () => void {
  const current = query();
  if (!current) return () => {};
  current.addEventListener('change', onChange);
  return () => current.removeEventListener('change', onChange);
}

function systemIsDark(): boolean {
  return query()?.matches ?? false;
}

export function useResolvedTheme(): 'light' | 'dark' | 'contrast' {
  const theme = useStore((s) => s.theme);
  const dark = useSyncExternalStore(subscribe, systemIsDark, () => false);
  if (theme === 'system') return dark ? 'dark' : 'light';
  return theme;
}
