// The popup writes page records itself; the open tab learns of it here, so that "track this page"
// (or a first tag or goal link) starts timing the visit now rather than on the next one.
import browser from 'webextension-polyfill';
import { PAGE_SAVED } from '../../shared/messages';
import type { ActivePage } from '../common/active-page';

export function tellPageSaved(active: ActivePage): void {
  if (active.tabId === undefined) return;
  // A tab without the content script (opened before install, or a browser page) has nothing to time.
  browser.tabs.sendMessage(active.tabId, PAGE_SAVED).catch(() => undefined);
}
