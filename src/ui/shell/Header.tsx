// The header: title · Examples ▾ · Mode scoped|unscoped|naive · Share · theme.
import ExamplesMenu from '../examples/ExamplesMenu.tsx';
import ShareButton from '../share/ShareButton.tsx';
import ModeSwitch from './ModeSwitch.tsx';
import ThemeSwitch from './ThemeSwitch.tsx';

export default function Header() {
  return (
    <header className="header">
      <h1 className="title">Harn Scope Lab</h1>
      <ExamplesMenu />
      <ModeSwitch />
      <div className="header-spacer" />
      <ShareButton />
      <ThemeSwitch />
    </header>
  );
}
