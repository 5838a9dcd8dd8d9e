// Each goal with its evidence: how many highlights and pages are linked to it and the archetype
// mix of their tags. Goals are few, so this reads every link of every goal; the targets are
// fetched by primary key in two bulk reads.
import { ARCHETYPES } from '../../shared/archetypes';
import { actualMix, type ActualMix, type Evidence } from '../../shared/mix';
import type { GoalRecord, LinkRecord } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { listGoals } from './goals';

export interface GoalSummary {
  goal: GoalRecord;
  highlights: number;
  pages: number;
  mix: ActualMix;
}

const ARCHETYPE_IDS = ARCHETYPES.map((a) => a.id);

/** The tags of every link target, by target id; a target deleted meanwhile is left out. */
async function targetTags(db: TrailmarkDb, links: readonly LinkRecord[]) {
  const ids = (type: LinkRecord['targetType']) =>
    links.filter((l) => l.targetType === type).map((l) => l.targetId);
  const [highlights, pages] = await Promise.all([
    db.highlights.bulkGet(ids('highlight')),
    db.pages.bulkGet(ids('page')),
  ]);
  const tags = new Map<string, Evidence>();
  for (const h of highlights) if (h) tags.set(h.id, { tagIds: h.tagIds });
  for (const p of pages) if (p) tags.set(p.id, { tagIds: p.tagIds, article: true });
  return tags;
}

function summarise(goal: GoalRecord, links: LinkRecord[], tags: Map<string, Evidence>) {
  const present = links.filter((l) => tags.has(l.targetId));
  const evidence = present.map((l) => tags.get(l.targetId) as Evidence);
  return {
    goal,
    highlights: present.filter((l) => l.targetType === 'highlight').length,
    pages: present.filter((l) => l.targetType === 'page').length,
    mix: actualMix(evidence, ARCHETYPE_IDS),
  };
}

function groupByGoal(links: readonly LinkRecord[]): Map<string, LinkRecord[]> {
  const groups = new Map<string, LinkRecord[]>();
  for (const link of links) {
    const group = groups.get(link.goalId);
    if (group) group.push(link);
    else groups.set(link.goalId, [link]);
  }
  return groups;
}

export async function goalSummaries(db: TrailmarkDb): Promise<GoalSummary[]> {
  return db.transaction('r', [db.goals, db.links, db.highlights, db.pages], async () => {
    const goals = await listGoals(db);
    const links = await db.links
      .where('goalId')
      .anyOf(goals.map((g) => g.id))
      .toArray();
    const tags = await targetTags(db, links);
    const byGoal = groupByGoal(links);
    return goals.map((goal) => summarise(goal, byGoal.get(goal.id) ?? [], tags));
  });
}
