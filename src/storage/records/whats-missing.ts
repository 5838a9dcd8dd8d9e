// What could close a goal's gaps, from the reader's own library: for the archetypes whose
// evidence is furthest below target, highlights tagged with that archetype not yet linked to the
// goal, and saved articles with that archetype not finished. Read through the tag index only, so
// a large library costs the few rows offered, not a scan.
import { ARCHETYPES } from '../../shared/archetypes';
import { mostMissing } from '../../shared/gaps';
import { actualMix, type ActualMix } from '../../shared/mix';
import type { GoalRecord, HighlightRecord, PageRecord } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { NotFoundError } from '../database/errors';
import { evidenceOf } from './evidence';

export interface MissingArchetype {
  archetypeId: string;
  name: string;
  /** Target share minus evidence share. */
  points: number;
  highlights: { highlight: HighlightRecord; page: PageRecord | null }[];
  /** Saved articles with this archetype that are not read yet. */
  articles: PageRecord[];
}

export interface WhatsMissing {
  goal: GoalRecord;
  /** Evidence mix in whole percents, {} when nothing linked carries an archetype tag. */
  evidence: Record<string, number>;
  /** The whole actual mix of the evidence, with its counts: what the mixes table writes. */
  mix: ActualMix;
  missing: MissingArchetype[];
}

const ARCHETYPE_IDS = ARCHETYPES.map((a) => a.id);

const nonZero = (mix: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(mix).filter(([, share]) => share > 0));

/** How many of each kind are offered per archetype. */
export const OFFERED = 5;

async function unlinkedHighlights(
  db: TrailmarkDb,
  archetypeId: string,
  linked: ReadonlySet<string>,
): Promise<MissingArchetype['highlights']> {
  const tagged = await db.highlights.where('tagIds').equals(archetypeId).toArray();
  const offered = tagged
    .filter((h) => !linked.has(h.id))
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, OFFERED);
  const pages = await db.pages.bulkGet(offered.map((h) => h.pageId));
  return offered.map((highlight, i) => ({ highlight, page: pages[i] ?? null }));
}

async function unfinishedArticles(
  db: TrailmarkDb,
  archetypeId: string,
  linked: ReadonlySet<string>,
): Promise<PageRecord[]> {
  const tagged = await db.pages.where('tagIds').equals(archetypeId).toArray();
  return tagged
    .filter((p) => p.status === 'reading' && !linked.has(p.id))
    .sort((a, b) => b.lastVisitAt - a.lastVisitAt)
    .slice(0, OFFERED);
}

/** The goal's gaps, most missing first, each with what could close it. */
export async function whatsMissing(db: TrailmarkDb, goalId: string): Promise<WhatsMissing> {
  return db.transaction('r', [db.goals, db.links, db.pages, db.highlights], async () => {
    const goal = await db.goals.get(goalId);
    if (!goal) throw new NotFoundError(`no goal ${goalId}`);
    const items = await evidenceOf(db, goalId);
    const mix = actualMix(items, ARCHETYPE_IDS);
    const evidence = nonZero(mix.shares);
    const linked = new Set(items.map((i) => i.link.targetId));
    const gaps = mostMissing(goal.targetMix, Object.keys(evidence).length > 0 ? evidence : null);
    const missing = await Promise.all(
      gaps.map(async ({ id, points }) => ({
        archetypeId: id,
        name: ARCHETYPES.find((a) => a.id === id)?.name ?? id,
        points,
        highlights: await unlinkedHighlights(db, id, linked),
        articles: await unfinishedArticles(db, id, linked),
      })),
    );
    return { goal, evidence, mix, missing };
  });
}
