// Taking the reader to a highlight: on the open tab the content script scrolls to it and flashes
// it; anywhere else the page is opened with the highlight named in its fragment.
import browser from 'webextension-polyfill';
import { revealRequest } from '../../shared/messages';
import { loadPageNames } from '../../shared/page-names';
import { revealUrl } from '../../shared/reveal-url';
import { isWebUrl } from '../../shared/url';
import type { ActivePage } from '../common/active-page';

/** The popup opened as a tab of its own (`?tab=`) must bring the page's tab to the front. */
const openedAsTab = (): boolean => new URLSearchParams(location.search).has('tab');

const urlAt = async (pageUrl: string, highlightId: string): Promise<string> =>
  revealUrl(pageUrl, highlightId, (await loadPageNames(browser.storage.local)).reveal);

export async function showOnPage(active: ActivePage, highlightId: string): Promise<void> {
  if (active.tabId === undefined) {
    await openPage(active.url, highlightId);
    return;
  }
  // Bring the tab forward first: a browser may not scroll a tab that is hidden.
  if (openedAsTab()) await browser.tabs.update(active.tabId, { active: true });
  try {
    await browser.tabs.sendMessage(active.tabId, revealRequest(highlightId));
  } catch {
    // No content script in the tab yet (it was open before Trailmark was installed): reload it
    // at the highlight, which the content script reads from the fragment.
    await browser.tabs.update(active.tabId, { url: await urlAt(active.url, highlightId) });
  }
}

/** Web pages and Trailmark's own: a stored address may have come from a file, so no other. */
const mayOpen = (url: string): boolean =>
  isWebUrl(url) || url.startsWith(browser.runtime.getURL(''));

/** Opens a page in a new tab, scrolled to a highlight when one is given. */
export async function openPage(pageUrl: string, highlightId?: string): Promise<void> {
  if (!mayOpen(pageUrl)) return;
  const url = highlightId === undefined ? pageUrl : await urlAt(pageUrl, highlightId);
  await browser.tabs.create({ url });
}
