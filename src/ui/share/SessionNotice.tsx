// The banner about where the session came from (SessionBanner.tsx shows it, when there is one): a link that could
// not be opened (the core's sentence; the session on screen stays), edits that something replaced (kept in Recent
// work, restorable), or an autosave that could not be opened (kept in Recent work, or held when there was no room).
import { useStore } from '../../state/store.ts';
import type { SessionBanner as Banner } from '../../state/slices/session.ts';
import { useCoreClient } from '../coreClient.ts';
import { downloadEntry } from './download.ts';
import { clockTime, sentence } from './format.ts';
import { browserSessionEnv } from './startSession.ts';
import { dropEntry, restoreEntry, settleEntry } from './session.ts';

const REPLACED_BY = {
  link: 'you opened a link over them',
  example: 'you opened an example over them',
  restore: 'you restored other work over them',
  reload: 'something replaced them before this page was loaded',
} as const;

function BannerText({ banner }: { banner: Banner }) {
  switch (banner.kind) {
    case 'bad-link':
      return (
        <p>
          <strong>
            <span aria-hidden="true">⚠ </span>The link could not be opened.
          </strong>{' '}
          {sentence(banner.message)} Your previous session is unchanged.
        </p>
      );
    case 'kept':
      return (
        <p>
          Your edits from {clockTime(banner.savedAt)} are kept in Recent work: {REPLACED_BY[banner.source]}.
        </p>
      );
    case 'bad-autosave':
      return (
        <p>
          <span aria-hidden="true">⚠ </span>
          {banner.message}
        </p>
      );
  }
}

export default function SessionNotice({ banner }: { banner: Banner }) {
  const client = useCoreClient();
  const entry = useStore((s) =>
    s.sessionBanner && 'entryId' in s.sessionBanner
      ? s.history.find((e) => e.id === (s.sessionBanner as { entryId: string | null }).entryId)
      : undefined,
  );
  const held = useStore((s) => s.autosaveHeld !== null);
  const env = browserSessionEnv();
  const dismiss = () => {
    if (entry) settleEntry(useStore, env, entry.id);
    useStore.getState().showSessionBanner(null);
  };
  const download = () => {
    if (!entry) return;
    downloadEntry(entry);
    if (held) useStore.getState().setAutosaveHeld(null);
  };
  return (
    <div className={`session-banner banner-${banner.kind}`} role="alert">
      <BannerText banner={banner} />
      {banner.kind === 'kept' && entry ? (
        <button type="button" onClick={() => void restoreEntry(useStore, client, env, entry.id)}>
          Restore your edits
        </button>
      ) : null}
      {banner.kind === 'bad-autosave' && entry ? (
        <button type="button" onClick={download}>
          Download it
        </button>
      ) : null}
      {held && entry ? (
        <button type="button" onClick={() => dropEntry(useStore, env, entry.id)}>
          Discard it
        </button>
      ) : (
        <button type="button" onClick={dismiss} aria-label="Dismiss">
          Dismiss
        </button>
      )}
    </div>
  );
}
