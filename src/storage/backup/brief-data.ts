// Gathers one goal's 1:1 brief from the library in one read transaction: the goal with its
// check-ins and questions, its evidence, what is missing, and the names of the tags that may be
// printed (private ones are left out here, so no renderer can print them by mistake).
import { renderBrief, type BriefInput } from '../../shared/brief';
import type { TrailmarkDb } from '../database/db';
import { currentCheckIn } from '../records/check-ins';
import { evidenceOf } from '../records/evidence';
import { publicTagNames } from '../records/tags';
import { questionsOf } from '../records/talk-questions';
import { whatsMissing } from '../records/whats-missing';

export async function briefInput(
  db: TrailmarkDb,
  goalId: string,
  generatedAt = Date.now(),
): Promise<BriefInput> {
  return db.transaction('r', [db.goals, db.links, db.pages, db.highlights, db.tags], async () => {
    const { goal, mix, missing } = await whatsMissing(db, goalId);
    const items = await evidenceOf(db, goalId);
    return {
      goal,
      checkIn: currentCheckIn(goal),
      evidenceMix: mix,
      questions: questionsOf(goal),
      items: items.map((item) => ({
        linkNote: item.link.note,
        page: { id: item.page.id, title: item.page.title, url: item.page.url },
        highlight: item.highlight
          ? {
              quote: item.highlight.quote,
              note: item.highlight.note,
              tagIds: item.highlight.tagIds,
            }
          : null,
        readAt: item.datedAt,
      })),
      missing: missing.map((m) => ({
        name: m.name,
        points: m.points,
        highlights: m.highlights.map((h) => ({
          quote: h.highlight.quote,
          page: h.page ? { title: h.page.title, url: h.page.url } : null,
        })),
        articles: m.articles.map((a) => ({ title: a.title, url: a.url })),
      })),
      publicTagNames: await publicTagNames(db),
      generatedAt,
    };
  });
}

/** The brief of one goal as Markdown. */
export const briefMarkdown = async (db: TrailmarkDb, goalId: string, now = Date.now()) =>
  renderBrief(await briefInput(db, goalId, now));
