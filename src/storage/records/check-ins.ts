// Where the reader stands on a goal, dated: check-ins are kept on the goal record itself, so a
// goal travels whole through a backup (and later a sync) and an edit is one write of one record.
import { latestCheckIn, type CheckIn, type CheckInDraft } from '../../shared/check-in';
import { LIMITS } from '../../shared/limits';
import type { GoalDraft } from '../../shared/goal-input';
import type { GoalRecord } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { NotFoundError } from '../database/errors';
import { createGoal, rewriteGoal } from './goals';

export const checkInsOf = (goal: Pick<GoalRecord, 'checkIns'>): CheckIn[] => goal.checkIns ?? [];

/** The latest check-in of a goal, or null before the first. */
export const currentCheckIn = (goal: Pick<GoalRecord, 'checkIns'>): CheckIn | null =>
  latestCheckIn(checkInsOf(goal));

const copyOf = (draft: CheckInDraft): CheckInDraft => ({
  date: draft.date,
  shares: Object.fromEntries(
    Object.entries(draft.shares).map(([id, r]) => [id, { low: r.low, high: r.high }]),
  ),
});

/** Oldest first by date, so the history and its chart read left to right. */
const inOrder = (list: CheckIn[]): CheckIn[] =>
  [...list].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt - b.createdAt);

export function addCheckIn(
  db: TrailmarkDb,
  goalId: string,
  draft: CheckInDraft,
  now = Date.now(),
): Promise<GoalRecord> {
  return rewriteGoal(db, goalId, (goal) => {
    const list = checkInsOf(goal);
    if (list.length >= LIMITS.checkIns) {
      throw new RangeError(`A goal keeps at most ${LIMITS.checkIns} check-ins.`);
    }
    const added: CheckIn = { id: crypto.randomUUID(), ...copyOf(draft), createdAt: now };
    return { ...goal, checkIns: inOrder([...list, added]), updatedAt: now };
  });
}

function withCheckIn(goal: GoalRecord, checkInId: string): CheckIn[] {
  const list = checkInsOf(goal);
  if (!list.some((c) => c.id === checkInId)) throw new NotFoundError(`no check-in ${checkInId}`);
  return list;
}

export const updateCheckIn = (
  db: TrailmarkDb,
  goalId: string,
  checkInId: string,
  draft: CheckInDraft,
  now = Date.now(),
): Promise<GoalRecord> =>
  rewriteGoal(db, goalId, (goal) => {
    const list = withCheckIn(goal, checkInId).map((c) =>
      c.id === checkInId ? { ...c, ...copyOf(draft) } : c,
    );
    return { ...goal, checkIns: inOrder(list), updatedAt: now };
  });

export const removeCheckIn = (
  db: TrailmarkDb,
  goalId: string,
  checkInId: string,
  now = Date.now(),
): Promise<GoalRecord> =>
  rewriteGoal(db, goalId, (goal) => {
    const list = withCheckIn(goal, checkInId).filter((c) => c.id !== checkInId);
    return { ...goal, checkIns: list, updatedAt: now };
  });

/** A new goal with its first check-in, written together: neither is kept without the other. */
export function createGoalCheckedIn(
  db: TrailmarkDb,
  draft: GoalDraft,
  checkIn: CheckInDraft | null,
  now = Date.now(),
): Promise<GoalRecord> {
  return db.transaction('rw', db.goals, async () => {
    const goal = await createGoal(db, draft, now);
    return checkIn ? addCheckIn(db, goal.id, checkIn, now) : goal;
  });
}
