// Which page the popup is about: the tab it was opened over, or the tab named in `?tab=` when
// the popup is opened as a page of its own (from a shortcut or a test).
import browser from 'webextension-polyfill';

export interface ActivePage {
  tabId: number | undefined;
  url: string;
  title: string;
}

async function namedTab(): Promise<browser.Tabs.Tab | undefined> {
  const id = Number(new URLSearchParams(location.search).get('tab'));
  if (!Number.isInteger(id) || id <= 0) return undefined;
  return browser.tabs.get(id).catch(() => undefined);
}

async function activeTab(): Promise<browser.Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

export async function findActivePage(): Promise<ActivePage | null> {
  const tab = (await namedTab()) ?? (await activeTab());
  if (!tab?.url) return null;
  return { tabId: tab.id, url: tab.url, title: tab.title ?? tab.url };
}
