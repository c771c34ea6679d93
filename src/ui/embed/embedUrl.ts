// Embed addresses: `…/?embed#s=…` (what Share offers) or `…/#s=…&embed=1` shows the stepper alone (EmbedApp). Helpers to tell one
// apart, to make one from a share link, and to turn one back into the full playground's address.

/** The fragment parameter that asks for the embed. */
const EMBED_PARAM = 'embed=1';

function fragmentParams(hash: string): string[] {
  return hash.replace(/^#/, '').split('&').filter((p) => p !== '');
}

/** The fragment without the embed switch (`s=…`, or '' when it holds nothing else). */
export function fragmentOf(hash: string): string {
  return fragmentParams(hash)
    .filter((p) => p !== EMBED_PARAM)
    .join('&');
}

/** Whether the page was opened as an embed. */
export function isEmbedUrl(location: Pick<Location, 'hash' | 'search'>): boolean {
  return new URLSearchParams(location.search).has('embed') || fragmentParams(location.hash).includes(EMBED_PARAM);
}

/** The embed address of a share link (`…/#s=…` → `…/?embed#s=…`). The switch goes in the query, which the server
 * sees: only the embed is served with a header that lets other sites frame it (vite.config.ts). */
export function embedUrlOf(shareUrl: string): string {
  const hash = shareUrl.indexOf('#');
  const base = hash >= 0 ? shareUrl.slice(0, hash) : shareUrl;
  const fragment = hash >= 0 ? shareUrl.slice(hash) : '';
  const query = base.indexOf('?');
  const withEmbed = query < 0 ? `${base}?embed` : `${base.slice(0, query)}?embed&${base.slice(query + 1)}`;
  return `${withEmbed.replace(/[?&]$/, '')}${fragment}`;
}

/** The full playground's address for an embed: the same link without the embed switch. */
export function appUrlOf(location: Pick<Location, 'origin' | 'pathname' | 'search' | 'hash'>): string {
  const search = new URLSearchParams(location.search);
  search.delete('embed');
  const query = search.toString();
  const fragment = fragmentOf(location.hash);
  return `${location.origin}${location.pathname}${query ? `?${query}` : ''}${fragment ? `#${fragment}` : ''}`;
}

/** The HTML an author pastes to embed a share link. */
export function iframeSnippet(shareUrl: string): string {
  const src = embedUrlOf(shareUrl).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<iframe src="${src}" title="Harn Scope Lab: a run of the scheduler, step by step" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;
}
