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
