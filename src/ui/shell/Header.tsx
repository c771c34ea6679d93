// The header: title · Examples ▾ · Mode scoped|unscoped|naive · Threads 1|2|3|4 · Layout Lesson|Policy · theme ·
// Share. On a phone it is one row: the mode, threads, layout and theme switches sit behind a "Settings" disclosure
// that drops below it.
import { useState } from 'react';
import ExamplesMenu from '../examples/ExamplesMenu.tsx';
import ShareButton from '../share/ShareButton.tsx';
import LayoutSwitch from './LayoutSwitch.tsx';
import ModeSwitch from './ModeSwitch.tsx';
import ThemeSwitch from './ThemeSwitch.tsx';
import ThreadsSwitch from './ThreadsSwitch.tsx';

export default function Header() {
  const [settingsOpen, setSettingsOpen] = useState(false);
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
      </div>
      <div className="header-spacer" />
      <ShareButton />
    </header>
  );
}
