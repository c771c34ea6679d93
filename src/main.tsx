// The app's entry. boot.ts first: in a build it is also a script of its own that the page runs before this one
// (vite.config.ts), so the core worker is already started and holding the link; importing it here runs it once.
import './boot.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './ui/App.tsx';
import PaneBoundary from './ui/shell/PaneBoundary.tsx';
import './ui/styles/base.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PaneBoundary name="app" whole>
      <App />
    </PaneBoundary>
  </StrictMode>,
);
