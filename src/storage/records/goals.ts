// Goals: what the reader is working towards. Every write checks the draft with the same rules
// the popup's form applies, so a goal with a mix that does not add up to 100 is never stored.
import { draftProblems, type GoalDraft, type GoalErrors } from '../../shared/goal-input';
import type { GoalRecord, GoalStatus } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { NotFoundError } from '../database/errors';

export class InvalidGoalError extends Error {
  override name = 'InvalidGoalError';
  constructor(readonly errors: GoalErrors) {
    super(Object.values(errors).join(' '));
  }
}

function assertValid(draft: GoalDraft): void {
  const errors = draftProblems(draft);
  if (Object.keys(errors).length > 0) throw new InvalidGoalError(errors);
}

const copyOf = (draft: GoalDraft): GoalDraft => ({
  title: draft.title.trim(),
  why: draft.why.trim(),
  targetDate: draft.targetDate,
  targetMix: draft.targetMix ? { ...draft.targetMix } : null,
});

export async function createGoal(
  db: TrailmarkDb,
  draft: GoalDraft,
  now = Date.now(),
): Promise<GoalRecord> {
  assertValid(draft);
  const goal: GoalRecord = {
    id: crypto.randomUUID(),
    ...copyOf(draft),
    status: 'active',
    createdAt: now,
    updatedAt: now,
  };
  await db.goals.add(goal);
  return goal;
}

/** Reads, changes and writes one goal in one transaction; a throwing change writes nothing. */
export async function rewriteGoal(
  db: TrailmarkDb,
  id: string,
  change: (goal: GoalRecord) => GoalRecord,
): Promise<GoalRecord> {
  return db.transaction('rw', db.goals, async () => {
    const existing = await db.goals.get(id);
    if (!existing) throw new NotFoundError(`no goal ${id}`);
    const updated = change(existing);
    await db.goals.put(updated);
    return updated;
  });
}

export async function updateGoal(
  db: TrailmarkDb,
  id: string,
  draft: GoalDraft,
  now = Date.now(),
): Promise<GoalRecord> {
  assertValid(draft);
  return rewriteGoal(db, id, (goal) => ({ ...goal, ...copyOf(draft), updatedAt: now }));
}

export const setGoalStatus = (
  db: TrailmarkDb,
  id: string,
  status: GoalStatus,
  now = Date.now(),
): Promise<GoalRecord> => rewriteGoal(db, id, (goal) => ({ ...goal, status, updatedAt: now }));

const STATUS_ORDER: Record<GoalStatus, number> = { active: 0, achieved: 1, archived: 2 };

/** Active goals first, then achieved, then archived; oldest first within each, as created. */
export async function listGoals(db: TrailmarkDb): Promise<GoalRecord[]> {
  const goals = await db.goals.orderBy('createdAt').toArray();
  return goals.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}
