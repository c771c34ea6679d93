// Header: Share copies a link holding the whole session (sources, policies, run settings, stepper position, tab)
// and shows its length against the 2,000-character budget. The link is also shown in a field to copy by hand,
// with the iframe snippet that embeds the stepper alone.
import { useRef, useState } from 'react';
import { useStore } from '../../state/store.ts';
import { useCoreClient } from '../coreClient.ts';
import { iframeSnippet } from '../embed/embedUrl.ts';
import '../run/run.css';
import { copyText } from './clipboard.ts';
import { currentScenario, requestShareLink } from './session.ts';
import SessionBanner from './SessionBanner.tsx';

/** DESIGN §5: links that fit paste into chats and issues (core's LINK_BUDGET). */
export const LINK_BUDGET = 2000;

const format = (n: number) => n.toLocaleString('en-US');

export default function ShareButton() {
  const client = useCoreClient();
  const link = useStore((s) => s.shareLink);
  const problem = useStore((s) => s.shareProblem);
  const [shown, setShown] = useState<{ url: string; copied: boolean } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Closing removes the focused × button: focus goes back to Share so a keyboard user keeps their place.
  const close = () => {
    setShown(null);
    button.current?.focus();
  };
  const share = async () => {
    const link = await requestShareLink(client, currentScenario(useStore.getState()));
    useStore.getState().setShareProblem(link.error);
    if (link.value === null) {
      setShown(null);
      return;
    }
    const fragment = link.value;
    const url = `${location.origin}${location.pathname}${location.search}${fragment}`;
    useStore.getState().setShareLink({ fragment, url });
    // Without clipboard permission the field below holds the link to copy by hand.
    setShown({ url, copied: await copyText(url) });
  };
  const length = shown?.url.length ?? link?.url.length ?? null;
  return (
    <span className="share">
      <button type="button" className="header-button" ref={button} onClick={() => void share()}>
        Share
      </button>
      {length !== null ? (
        <span className={length > LINK_BUDGET ? 'share-length over' : 'share-length'} title="Link length against the 2,000-character budget">
          {format(length)}/{format(LINK_BUDGET)}
          {length > LINK_BUDGET ? ' — over budget' : ''}
        </span>
      ) : null}
      {shown ? (
        <div className="share-panel" role="group" aria-label="Share" onKeyDown={(e) => e.key === 'Escape' && close()}>
          <input className="share-manual" readOnly value={shown.url} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} />
          <span className="share-copied" role="status">
            {shown.copied ? 'Copied' : 'Copy the link from the field'}
          </span>
          <button type="button" className="small-button" onClick={close} aria-label="Close the share link">
            ×
          </button>
          <label className="share-embed">
            <span>Embed it in a page (the stepper alone, read-only):</span>
            <input className="share-manual" readOnly value={iframeSnippet(shown.url)} aria-label="Embed snippet (iframe)" onFocus={(e) => e.currentTarget.select()} />
          </label>
        </div>
      ) : null}
      {problem ? (
        <span className="share-problem" role="alert">
          <span aria-hidden="true">⚠ </span>
          {problem}
        </span>
      ) : null}
      <SessionBanner />
    </span>
  );
}
