// Header: the examples gallery — a path in three groups (scope lessons, policy lessons, challenges), each in its
// order with the entry to start at. The toggle is here; the gallery, opened by a click, is in a chunk of its own
// (ExamplesGallery.tsx, issue 30). The groups are fetched once, when it is first opened.
import { Suspense, useEffect, useRef, useState } from 'react';
import type { GalleryGroup } from '../../core/goals/index.ts';
import { useStore } from '../../state/store.ts';
import { useCoreClient } from '../coreClient.ts';
import { ExamplesGallery } from '../shell/panels.ts';
import './examples.css';

export default function ExamplesMenu() {
  const client = useCoreClient();
  const open = useStore((s) => s.examplesOpen);
  const setOpen = useStore((s) => s.setExamplesOpen);
  const [groups, setGroups] = useState<readonly GalleryGroup[] | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open || groups) return;
    let live = true;
    client.gallery().then(
      (list) => live && setGroups(list),
      () => live && setGroups([]),
    );
    return () => {
      live = false;
    };
  }, [open, groups, client]);
  // Closing removes the focused card: focus goes back to the toggle so a keyboard user keeps their place.
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <span className="examples">
      <button
        type="button"
        className="header-button"
        ref={toggle}
        aria-expanded={open}
        aria-controls="examples-gallery"
        onClick={() => setOpen(!open)}
      >
        Examples <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ExamplesGallery.Panel groups={groups} onClose={close} />
        </Suspense>
      ) : null}
    </span>
  );
}
