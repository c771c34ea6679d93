// Editor tabs for the parent and each child: arrow keys move between tabs, "+" adds a child, and each child tab
// can be renamed or removed. Each tab carries its task colour.
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectProgramNames } from '../../state/selectors.ts';
import { MAX_CHILDREN } from '../../state/slices/scenario.ts';
import { useStore } from '../../state/store.ts';
import RenameForm from './RenameForm.tsx';

export function tabId(name: string): string {
  return `tab-${name}`;
}

export default function ProgramTabs() {
  const names = useStore(useShallow(selectProgramNames));
  const selected = useStore((s) => s.selectedTab);
  const selectTab = useStore((s) => s.selectTab);
  const addChild = useStore((s) => s.addChild);
  const removeChild = useStore((s) => s.removeChild);
  const [renaming, setRenaming] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);

  const focusTab = (name: string) => {
    selectTab(name);
    // Every tab is rendered, so focus moves at once: a key pressed right after lands on the new tab.
    document.getElementById(tabId(name))?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent, index: number) => {
    const last = names.length - 1;
    const target = e.key === 'ArrowRight' ? (index + 1) % names.length : e.key === 'ArrowLeft' ? (index + last) % names.length : e.key === 'Home' ? 0 : e.key === 'End' ? last : null;
    if (target === null) return;
    e.preventDefault();
    focusTab(names[target]!);
  };

  return (
    <div className="program-tabs">
      <div role="tablist" aria-label="Programs" ref={list} className="tablist">
        {names.map((name, index) => (
          <button
            key={name}
            id={tabId(name)}
            role="tab"
            type="button"
            aria-selected={name === selected}
            aria-controls="program-panel"
            tabIndex={name === selected ? 0 : -1}
            className={`tab task-${index}`}
            onClick={() => selectTab(name)}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            <span className="task-swatch" aria-hidden="true" />
            {name}
            {index === 0 ? <span className="tab-role"> (parent)</span> : null}
          </button>
        ))}
      </div>
      <button type="button" className="icon-button" aria-label="Add a child" title="Add a child" disabled={names.length - 1 >= MAX_CHILDREN} onClick={() => addChild()}>
        +
      </button>
      {selected !== names[0] && names.includes(selected) ? (
        renaming === selected ? (
          <RenameForm name={selected} onDone={(name) => { setRenaming(null); focusTab(name); }} />
        ) : (
          <span className="tab-actions">
            <button type="button" className="small-button" onClick={() => setRenaming(selected)}>
              Rename
            </button>
            <button
              type="button"
              className="small-button"
              aria-label={`Remove child ${selected}`}
              onClick={() => {
                if (window.confirm(`Remove child "${selected}" and its program?`)) removeChild(selected);
              }}
            >
              Remove
            </button>
          </span>
        )
      ) : null}
    </div>
  );
}
