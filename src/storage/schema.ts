// Every schema version Trailmark has shipped, oldest first. A schema change appends a version
// with an upgrade function and never edits an old one: the migration test opens a database at
// each earlier version, fills it, and upgrades it to the latest.
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const DB_NAME = 'trailmark';

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // by URL for the content script, by site/date/status/tag for the review filters
      pages: 'id, &url, site, lastVisitAt, updatedAt, status, *tagIds',
      // by page in page order for the popup, by date/tag/colour for the review page
      highlights:
        'id, pageId, [pageId+position], createdAt, updatedAt, color, *tagIds, anchorStatus',
      tags: 'id, &nameKey, kind',
      goals: 'id, status, createdAt',
      // one link per goal and target; by target to show a highlight's goals
      links: 'id, &[goalId+targetId], goalId, targetId, pageId, createdAt',
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;
