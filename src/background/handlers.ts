// What the background does for each message kind: thin adapters from the validated contract to
// the storage repositories. The router has checked that a URL in the payload is the sender's own
// page; what a payload names by id alone is confined to that page here, in storage.
import { normalizeUrl } from '../shared/url';
import type { TrailmarkDb } from '../storage/database/db';
import {
  createHighlight,
  deleteHighlight,
  recordPlacements,
  updateHighlight,
} from '../storage/records/highlights';
import { pageView } from '../storage/records/page-view';
import { recordReading } from '../storage/records/pages';
import { ensureTagFromPage } from '../storage/records/page-tags';
import { ensureTag, listTags } from '../storage/records/tags';
import type { AutoBackup } from './auto-backup';
import type { SyncScheduler } from './sync/scheduler';
import type { Handlers } from './router';
import { notePageLoad } from './page-loads';
import { confinedTo } from './sender';

const pageKey = (url: string): string => {
  const key = normalizeUrl(url);
  if (!key) throw new Error('not a web page URL');
  return key;
};

/** Without the browser's alarms and downloads (as in unit tests) the schedule cannot be set. */
const noAutoBackup: Pick<AutoBackup, 'schedule'> = {
  schedule: () => Promise.reject(new Error('automatic backup is not available here')),
};

type SyncControls = Pick<SyncScheduler, 'enable' | 'disable' | 'syncNow' | 'status'>;

/** Without the browser's storage and alarms (as in unit tests) sync cannot run. */
const noSync: SyncControls = {
  enable: () => Promise.reject(new Error('sync is not available here')),
  disable: () => Promise.reject(new Error('sync is not available here')),
  syncNow: () => Promise.reject(new Error('sync is not available here')),
  status: () => Promise.reject(new Error('sync is not available here')),
};

export function createHandlers(
  db: TrailmarkDb,
  autoBackup: Pick<AutoBackup, 'schedule'> = noAutoBackup,
  sync: SyncControls = noSync,
): Handlers {
  return {
    'page.load': async ({ url }) => {
      const key = pageKey(url);
      const view = await pageView(db, key);
      const tags = await listTags(db);
      notePageLoad(key);
      return { ...view, tags };
    },
    'highlight.create': async (input) => ({
      highlight: await createHighlight(db, { ...input, url: pageKey(input.url) }),
    }),
    'highlight.update': async ({ id, ...patch }, scope) => ({
      highlight: await updateHighlight(db, id, patch, Date.now(), { onPage: confinedTo(scope) }),
    }),
    'highlight.delete': async ({ id }, scope) => ({
      deleted: await deleteHighlight(db, id, { onPage: confinedTo(scope) }),
    }),
    'tag.create': async (input, scope) => ({
      tag:
        scope.from === 'page'
          ? await ensureTagFromPage(db, input, scope.origin)
          : await ensureTag(db, input),
    }),
    'page.reading': async (report) => ({
      recorded: await recordReading(db, { ...report, url: pageKey(report.url) }),
    }),
    'highlight.placed': async ({ url, results }) => ({
      updated: await recordPlacements(db, pageKey(url), results),
    }),
    'backup.schedule': async ({ interval }) => ({
      schedule: await autoBackup.schedule(interval, Date.now()),
    }),
    'sync.enable': (settings) => sync.enable(settings),
    'sync.disable': async () => ({ status: await sync.disable() }),
    'sync.now': async () => ({ status: await sync.syncNow() }),
    'sync.status': async () => ({ status: await sync.status() }),
  };
}
