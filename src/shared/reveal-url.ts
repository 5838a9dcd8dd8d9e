// Opening a page "at" a highlight: the URL carries the highlight id in its fragment, which the
// content script reads after restoring highlights, scrolls to, and then removes again. The key
// is this install's own (see page-names), so the fragment names no extension.

export function revealUrl(pageUrl: string, highlightId: string, key: string): string {
  const url = new URL(pageUrl);
  url.hash = `${key}=${encodeURIComponent(highlightId)}`;
  return url.toString();
}

/** The highlight id a URL asks to reveal, if any. */
export function revealTarget(href: string, key: string): string | null {
  const hash = new URL(href).hash.slice(1);
  if (!hash.startsWith(`${key}=`)) return null;
  try {
    return decodeURIComponent(hash.slice(key.length + 1)) || null;
  } catch {
    return null;
  }
}
