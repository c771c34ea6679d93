// Applies the chosen theme to <html data-theme>; "system" follows prefers-color-scheme (CSS does the rest).
import { useEffect } from 'react';
import { useStore } from '../../state/store.ts';

export function useAppliedTheme(): void {
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
