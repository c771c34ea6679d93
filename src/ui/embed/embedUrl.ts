// Embed addresses: `…/#s=…&embed=1` or `…/?embed#s=…` shows the stepper alone (EmbedApp). Helpers to tell one
// apart, to make one from a share link, and to turn one back into the full playground's address.

/** The fragment parameter that asks for the embed. */
const EMBED_PARAM = 'embed=1';

function fragmentParams(hash: string): string[] {
  return hash.replace(/^#/, '').split('&').filter((p) => p !== '');
}

/** Whether the page was opened as an embed. */
export function isEmbedUrl(location: Pick<Location, 'hash' | 'search'>): boolean {
  return new URLSearchParams(location.search).has('embed') || fragmentParams(location.hash).includes(EMBED_PARAM);
}

/** The embed address of a share link (`…#s=…` → `…#s=…&embed=1`). */
export function embedUrlOf(shareUrl: string): string {
  return `${shareUrl}&${EMBED_PARAM}`;
}

/** The full playground's address for an embed: the same link without the embed switch. */
export function appUrlOf(location: Pick<Location, 'origin' | 'pathname' | 'search' | 'hash'>): string {
  const search = new URLSearchParams(location.search);
  search.delete('embed');
  const query = search.toString();
  const fragment = fragmentParams(location.hash).filter((p) => p !== EMBED_PARAM).join('&');
  return `${location.origin}${location.pathname}${query ? `?${query}` : ''}${fragment ? `#${fragment}` : ''}`;
}

/** The HTML an author pastes to embed a share link. */
export function iframeSnippet(shareUrl: string): string {
  const src = embedUrlOf(shareUrl).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${src}" title="Harn Scope Lab: a run of the scheduler, step by step" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;
}
