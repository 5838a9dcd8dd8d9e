// What the background does for each message kind: thin adapters from the validated contract to
// the storage repositories.
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
import { ensureTag, listTags } from '../storage/records/tags';
import type { AutoBackup } from './auto-backup';
import type { Handlers } from './router';

const pageKey = (url: string): string => {
  const key = normalizeUrl(url);
  if (!key) throw new Error('not a web page URL');
  return key;
};

/** Without the browser's alarms and downloads (as in unit tests) the schedule cannot be set. */
const noAutoBackup: Pick<AutoBackup, 'schedule'> = {
  schedule: () => Promise.reject(new Error('automatic backup is not available here')),
};

export function createHandlers(
  db: TrailmarkDb,
  autoBackup: Pick<AutoBackup, 'schedule'> = noAutoBackup,
): Handlers {
  return {
    'page.load': async ({ url }) => {
      const view = await pageView(db, pageKey(url));
      return { ...view, tags: await listTags(db) };
    },
    'highlight.create': async (input) => ({
      highlight: await createHighlight(db, { ...input, url: pageKey(input.url) }),
    }),
    'highlight.update': async ({ id, ...patch }) => ({
      highlight: await updateHighlight(db, id, patch),
    }),
    'highlight.delete': async ({ id }) => ({ deleted: await deleteHighlight(db, id) }),
    'tag.create': async (input) => ({ tag: await ensureTag(db, input) }),
    'page.reading': async (report) => ({
      recorded: await recordReading(db, { ...report, url: pageKey(report.url) }),
    }),
    'highlight.placed': async ({ url, results }) => ({
      updated: await recordPlacements(db, pageKey(url), results),
    }),
    'backup.schedule': async ({ interval }) => ({
      schedule: await autoBackup.schedule(interval, Date.now()),
    }),
  };
}
