import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

// Component tests opt into jsdom per file (`// @vitest-environment jsdom`); cleanup only where a DOM exists.
afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
    // The page keeps its state in the address bar (the autosave's replaceState): the next test starts without it.
    history.replaceState(null, '', '/');
  }
});
