// The header: title · Examples ▾ · Mode scoped|unscoped|naive · Threads 1|2|3|4 · Layout Lesson|Policy · theme ·
// Predict · Help (the start card again) · Share. On a phone it is one row: the mode, threads, layout and theme switches and Predict sit behind a "Settings" disclosure
// that drops below it.
import { useState } from 'react';
import { useStore } from '../../state/store.ts';
import ExamplesMenu from '../examples/ExamplesMenu.tsx';
import ShareButton from '../share/ShareButton.tsx';
import LayoutSwitch from './LayoutSwitch.tsx';
import ModeSwitch from './ModeSwitch.tsx';
import PredictSwitch from './PredictSwitch.tsx';
import ThemeSwitch from './ThemeSwitch.tsx';
import ThreadsSwitch from './ThreadsSwitch.tsx';

export default function Header() {
  const [settingsOpen, setSettingsOpen] = useState(false);
  const startCardOpen = useStore((s) => s.startCardOpen);
  const setStartCardOpen = useStore((s) => s.setStartCardOpen);
  return (
    <header className={settingsOpen ? 'header settings-open' : 'header'}>
      <h1 className="title">Harn Scope Lab</h1>
      <ExamplesMenu />
      <button type="button" className="header-button settings-toggle" aria-expanded={settingsOpen} aria-controls="header-settings" onClick={() => setSettingsOpen(!settingsOpen)}>
        Settings <span aria-hidden="true">▾</span>
      </button>
      <div className="header-settings" id="header-settings">
        <ModeSwitch />
        <ThreadsSwitch />
        <LayoutSwitch />
        <ThemeSwitch />
        <PredictSwitch />
      </div>
      <div className="header-spacer" />
      <button type="button" className="header-button" aria-pressed={startCardOpen} onClick={() => setStartCardOpen(!startCardOpen)} title="What this playground shows and three ways in">
        Help
      </button>
      <ShareButton />
    </header>
  );
}
