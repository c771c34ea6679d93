// The theme actually shown: the user's choice, or the system's colour scheme when the choice is "system".
import { useSyncExternalStore } from 'react';
import { useStore } from '../../state/store.ts';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

function systemIsDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches;
}

export function useResolvedTheme(): 'light' | 'dark' | 'contrast' {
  const theme = useStore((s) => s.theme);
  const dark = useSyncExternalStore(subscribe, systemIsDark, () => false);
  if (theme === 'system') return dark ? 'dark' : 'light';
  return theme;
}
