// Tagging a highlight from the popup: one tag on or off, read and written in one transaction so
// that two quick toggles never undo each other.
import type { HighlightRecord } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { NotFoundError } from '../database/errors';
import { updateHighlight } from './highlights';
import { toggled } from './page-edits';

export async function setHighlightTag(
  db: TrailmarkDb,
  id: string,
  tagId: string,
  on: boolean,
  now = Date.now(),
): Promise<HighlightRecord> {
  return db.transaction('rw', [db.highlights, db.tags], async () => {
    const highlight = await db.highlights.get(id);
    if (!highlight) throw new NotFoundError(`no highlight ${id}`);
    return updateHighlight(db, id, { tagIds: toggled(highlight.tagIds, tagId, on) }, now);
  });
}
