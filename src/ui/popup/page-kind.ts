// Which tabs Trailmark can save: web pages only. Its own pages (the welcome page included), the
// browser's pages and the add-on stores, where browsers keep extensions out, get a plain word
// instead of controls that could not work there.
export type PageKind = 'web' | 'trailmark' | 'browser' | 'store';

/** Add-on stores: browsers run no extension's content script there. */
const STORES: readonly { host: string; path?: string }[] = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

const isStore = (url: URL): boolean =>
  STORES.some((s) => url.hostname === s.host && (!s.path || url.pathname.startsWith(s.path)));

/** `ownBase` is the extension's own root URL, `browser.runtime.getURL('')`. */
export function pageKind(raw: string, ownBase: string): PageKind {
  if (raw.startsWith(ownBase)) return 'trailmark';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'browser';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'browser';
  return isStore(url) ? 'store' : 'web';
}
