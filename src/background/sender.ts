// Who sent a message, and so what it may touch. A message from one of Trailmark's own pages may
// touch anything; a message from a content script speaks for the site (origin) of the top-frame
// web page its tab shows and nothing else, since the page it runs beside is not on the reader's
// side. The bound is the origin, not the path: a page can move itself to any path of its own
// origin (history.pushState) without a reload, and client-side navigation does exactly that.
import { isWebUrl, normalizeUrl } from '../shared/url';

export interface SenderInfo {
  id?: string | undefined;
  /** The sending document: one of the extension's pages, or the web page of a content script. */
  url?: string | undefined;
  /** 0 for a tab's top frame; content scripts run only there. */
  frameId?: number | undefined;
  tab?: { id?: number | undefined; url?: string | undefined } | undefined;
}

/** What a sender may act on: everything, or the pages of the one origin it runs on. */
export type Scope =
  | { readonly from: 'extension' }
  | { readonly from: 'page'; readonly page: string; readonly origin: string };

export const EXTENSION_SCOPE: Scope = { from: 'extension' };

/** Where the extension's own pages live; without it no sender counts as one of them. */
export const fromOwnPage = (sender: SenderInfo, pagesBase: string | undefined): boolean =>
  pagesBase !== undefined && sender.url?.startsWith(pagesBase) === true;

/** The normalised http(s) page of a content script in a tab's top frame, or null. */
function senderPage(sender: SenderInfo): string | null {
  if (sender.tab === undefined || sender.frameId !== 0) return null;
  const url = sender.url ?? sender.tab.url;
  if (url === undefined || !isWebUrl(url)) return null;
  return normalizeUrl(url);
}

/** The sender's scope, or null when it is neither one of our pages nor a top-frame web page. */
export function scopeOf(sender: SenderInfo, pagesBase: string | undefined): Scope | null {
  if (fromOwnPage(sender, pagesBase)) return EXTENSION_SCOPE;
  const page = senderPage(sender);
  return page === null ? null : { from: 'page', page, origin: new URL(page).origin };
}

/** Whether a message naming this page URL stays within the sender's scope. */
export const mayNamePage = (scope: Scope, url: string): boolean =>
  scope.from === 'extension' || (isWebUrl(url) && new URL(url).origin === scope.origin);

/** The origin a storage write must stay on, or undefined when the sender may touch any page. */
export const confinedTo = (scope: Scope): string | undefined =>
  scope.from === 'page' ? scope.origin : undefined;
