// What the popup needs for its first useful render, started the moment its script runs and in
// parallel: which tab it is about, opening the database, then that page's view. Waiting for the
// first render and its effects before asking would add two round trips to every opening.
import browser from 'webextension-polyfill';
import { normalizeUrl } from '../../shared/url';
import { getDb } from '../../storage/database/db';
import { popupPage, type PopupPage } from '../../storage/records/popup-page';
import { findActivePage, type ActivePage } from '../common/active-page';
import { pageKind, type PageKind } from './page-kind';

export interface Startup {
  /** null when the popup is not over a tab with a URL. */
  active: ActivePage | null;
  /** What kind of page the tab shows; only a web page can be saved. */
  kind: PageKind | null;
  /** The normalised URL of that tab when it is a web page, else null. */
  url: string | null;
  /** The page's first view, read before rendering; live queries take over from there. */
  view: PopupPage | null;
}

export async function startPopup(): Promise<Startup> {
  const db = getDb();
  const opening = db.open().catch(() => undefined);
  const active = await findActivePage().catch(() => null);
  const kind = active ? pageKind(active.url, browser.runtime.getURL('')) : null;
  const url = active && kind === 'web' ? normalizeUrl(active.url) : null;
  await opening;
  const view = url ? await popupPage(db, url).catch(() => null) : null;
  return { active, kind, url, view };
}
