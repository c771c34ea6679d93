// Editor tabs for the parent and each child: arrow keys move between tabs, "+" adds a child, and each child tab
// can be renamed or removed. Each tab carries its task colour. A child the parent's code does not spawn is marked
// "(playground)" on its tab, and its tab says who spawns it, in core's sentence (the analysis view's).
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectProgramNames } from '../../state/selectors.ts';
import { MAX_CHILDREN } from '../../state/slices/scenario.ts';
import { useStore } from '../../state/store.ts';
import RenameForm from './RenameForm.tsx';

export function tabId(name: string): string {
  return `tab-${name}`;
}

// The selected child's "spawned by the playground" sentence, as a line under the tabs.
function selectedNote(names: readonly string[], selected: string, playground: readonly (string | null)[]) {
  const note = playground[names.indexOf(selected) - 1];
  return note ? (
    <p className="tab-note" role="note">
      {note}
    </p>
  ) : null;
}

export default function ProgramTabs() {
  const names = useStore(useShallow(selectProgramNames));
  const selected = useStore((s) => s.selectedTab);
  const selectTab = useStore((s) => s.selectTab);
  const addChild = useStore((s) => s.addChild);
  const removeChild = useStore((s) => s.removeChild);
  // Only from an analysis of the current programs: an earlier parent's names claim nothing about this one.
  const playground = useStore(useShallow((s) => (s.analysisAnsweredId === s.analysisRequestId && s.analysisError === null ? (s.analysis?.playgroundSpawns ?? []) : [])));
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
            {index > 0 && playground[index - 1] ? <span className="tab-role"> (playground)</span> : null}
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
      {selectedNote(names, selected, playground)}
    </div>
  );
}
