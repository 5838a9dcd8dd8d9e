// The keyboard shortcut and the context-menu item both ask the page's content script to
// highlight the current selection; the content script owns the selection, so it does the work.
import browser from 'webextension-polyfill';
import { HIGHLIGHT_SELECTION } from '../shared/messages';

export const MENU_ID = 'trailmark-highlight-selection';
export const COMMAND_ID = 'highlight-selection';

async function askTab(tabId: number | undefined): Promise<void> {
  if (tabId === undefined || tabId < 0) return;
  try {
    await browser.tabs.sendMessage(tabId, HIGHLIGHT_SELECTION);
  } catch {
    // A tab without our content script (a browser page, a store page) simply has nothing to do.
  }
}

export function createContextMenu(): void {
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({
      id: MENU_ID,
      title: 'Highlight with Trailmark',
      contexts: ['selection'],
    }),
  );
}

export async function handleContextMenu(
  info: { menuItemId: string | number },
  tab?: { id?: number | undefined },
): Promise<void> {
  if (info.menuItemId === MENU_ID) await askTab(tab?.id);
}

export async function handleCommand(
  command: string,
  tab?: { id?: number | undefined },
): Promise<void> {
  if (command !== COMMAND_ID) return;
  const target =
    tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  await askTab(target);
}
