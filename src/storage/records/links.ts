// Links between goals and what the reader read: a page or one highlight, each a dated piece of
// evidence with an optional note. One link per goal and target; linking twice changes nothing.
import { LIMITS } from '../../shared/limits';
import type { LinkRecord } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { NotFoundError } from '../database/errors';

export interface LinkTarget {
  type: LinkRecord['targetType'];
  id: string;
}

/** The page a target belongs to; throws if the target or goal is gone. */
async function pageIdOf(db: TrailmarkDb, target: LinkTarget): Promise<string> {
  if (target.type === 'page') {
    if (!(await db.pages.get(target.id))) throw new NotFoundError(`no page ${target.id}`);
    return target.id;
  }
  const highlight = await db.highlights.get(target.id);
  if (!highlight) throw new NotFoundError(`no highlight ${target.id}`);
  return highlight.pageId;
}

const trimNote = (note: string): string => note.trim().slice(0, LIMITS.note);

export async function linkToGoal(
  db: TrailmarkDb,
  goalId: string,
  target: LinkTarget,
  note = '',
  now = Date.now(),
): Promise<LinkRecord> {
  return db.transaction('rw', [db.goals, db.links, db.pages, db.highlights], async () => {
    const existing = await db.links.where({ goalId, targetId: target.id }).first();
    if (existing) return existing;
    if (!(await db.goals.get(goalId))) throw new NotFoundError(`no goal ${goalId}`);
    const link: LinkRecord = {
      id: crypto.randomUUID(),
      goalId,
      targetType: target.type,
      targetId: target.id,
      pageId: await pageIdOf(db, target),
      note: trimNote(note),
      createdAt: now,
      updatedAt: now,
    };
    await db.links.add(link);
    return link;
  });
}

/** Removes the link between a goal and a target; false if there was none. */
export async function unlinkFromGoal(
  db: TrailmarkDb,
  goalId: string,
  targetId: string,
): Promise<boolean> {
  return (await db.links.where({ goalId, targetId }).delete()) > 0;
}

export async function setLinkNote(
  db: TrailmarkDb,
  linkId: string,
  note: string,
  now = Date.now(),
): Promise<void> {
  const changed = await db.links.update(linkId, { note: trimNote(note), updatedAt: now });
  if (changed === 0 && !(await db.links.get(linkId))) throw new NotFoundError(`no link ${linkId}`);
}

/** Every link on a page: the page's own and those of its highlights. */
export const linksOfPage = (db: TrailmarkDb, pageId: string): Promise<LinkRecord[]> =>
  db.links.where({ pageId }).toArray();
