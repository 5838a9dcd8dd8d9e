// Opening a page "at" a highlight: the URL carries the highlight id in its fragment, which the
// content script reads after restoring highlights, scrolls to, and then removes again.
const KEY = 'trailmark';

export function revealUrl(pageUrl: string, highlightId: string): string {
  const url = new URL(pageUrl);
  url.hash = `${KEY}=${encodeURIComponent(highlightId)}`;
  return url.toString();
}

/** The highlight id a URL asks to reveal, if any. */
export function revealTarget(href: string): string | null {
  const hash = new URL(href).hash.slice(1);
  if (!hash.startsWith(`${KEY}=`)) return null;
  return decodeURIComponent(hash.slice(KEY.length + 1)) || null;
}
