// Under the share button: the storage state, when saving fails (StorageStatus), and the banner about where the
// session came from, when there is one (SessionNotice.tsx, in a chunk of its own: issue 30; a boot that shows one
// waits for it, panels.ts).
import { Suspense } from 'react';
import { useStore } from '../../state/store.ts';
import { SessionNotice } from '../shell/panels.ts';
import StorageStatus from './StorageStatus.tsx';

export default function SessionBanner() {
  const banner = useStore((s) => s.sessionBanner);
  return (
    <div className="session-banners">
      <StorageStatus />
      {banner ? (
        <Suspense fallback={null}>
          <SessionNotice.Panel banner={banner} />
        </Suspense>
      ) : null}
    </div>
  );
}
