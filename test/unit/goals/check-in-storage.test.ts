// Check-ins, questions for the talk, private tags and "What's missing", on fake-indexeddb.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { snapshot } from '../../../src/storage/database/snapshot';
import {
  addCheckIn,
  createGoalCheckedIn,
  currentCheckIn,
  removeCheckIn,
  updateCheckIn,
} from '../../../src/storage/records/check-ins';
import { createGoal } from '../../../src/storage/records/goals';
import { createHighlight } from '../../../src/storage/records/highlights';
import { linkToGoal } from '../../../src/storage/records/links';
import { setPageTag } from '../../../src/storage/records/page-edits';
import { seedArchetypes } from '../../../src/storage/records/seed';
import {
  addQuestion,
  moveQuestion,
  removeQuestion,
  setQuestionDone,
} from '../../../src/storage/records/talk-questions';
import { privateTagIds, setTagPrivate } from '../../../src/storage/records/tags';
import { whatsMissing } from '../../../src/storage/records/whats-missing';
import { newHighlight } from '../storage/fixtures';
import { freshDb } from '../storage/test-db';

const TL = 'archetype-tech-lead';
const SO = 'archetype-solver';
const RH = 'archetype-right-hand';

let db: TrailmarkDb;
let goalId: string;
beforeEach(async () => {
  db = freshDb();
  await seedArchetypes(db);
  const goal = await createGoal(db, {
    title: 'Reach staff engineer',
    why: 'More scope',
    targetDate: '2028-06-30',
    targetMix: { [TL]: 60, [SO]: 30, [RH]: 10 },
  });
  goalId = goal.id;
});
afterEach(() => db.delete());

const range = (low: number, high = low) => ({ low, high });

describe('check-ins', () => {
  it('keeps every check-in in date order; the latest by date is where the reader stands', async () => {
    await addCheckIn(
      db,
      goalId,
      { date: '2026-09-01', shares: { [SO]: range(60), [TL]: range(40) } },
      2,
    );
    const goal = await addCheckIn(
      db,
      goalId,
      { date: '2026-06-01', shares: { [SO]: range(70, 80), [RH]: range(20, 30) } },
      3,
    );
    expect(goal.checkIns?.map((c) => c.date)).toEqual(['2026-06-01', '2026-09-01']);
    expect(currentCheckIn(goal)?.date).toBe('2026-09-01');
  });

  it('edits and removes one check-in, and refuses an unknown one without writing', async () => {
    const added = await addCheckIn(db, goalId, {
      date: '2026-06-01',
      shares: { [SO]: range(100) },
    });
    const id = added.checkIns?.[0]?.id ?? '';
    const edited = await updateCheckIn(db, goalId, id, {
      date: '2026-06-02',
      shares: { [TL]: range(100) },
    });
    expect(edited.checkIns).toEqual([
      expect.objectContaining({ id, date: '2026-06-02', shares: { [TL]: range(100) } }),
    ]);
    const before = await snapshot(db);
    await expect(removeCheckIn(db, goalId, 'nope')).rejects.toThrow(/no check-in/);
    expect(await snapshot(db)).toEqual(before);
    expect((await removeCheckIn(db, goalId, id)).checkIns).toEqual([]);
  });
});

describe('questions for the talk', () => {
  it('adds in order, moves, marks done and removes', async () => {
    await addQuestion(db, goalId, 'What does staff scope look like here?');
    await addQuestion(db, goalId, '  Who could  sponsor me? ');
    let goal = await addQuestion(db, goalId, 'Which project next half?');
    const [first, second, third] = (goal.questions ?? []).map((q) => q.id);
    expect(goal.questions?.[1]?.text).toBe('Who could sponsor me?');
    goal = await moveQuestion(db, goalId, third ?? '', -1);
    expect(goal.questions?.map((q) => q.id)).toEqual([first, third, second]);
    goal = await moveQuestion(db, goalId, first ?? '', -1);
    expect(goal.questions?.map((q) => q.id)).toEqual([first, third, second]);
    goal = await setQuestionDone(db, goalId, first ?? '', true);
    expect(goal.questions?.[0]?.done).toBe(true);
    goal = await removeQuestion(db, goalId, second ?? '');
    expect(goal.questions?.map((q) => q.id)).toEqual([first, third]);
  });

  it('refuses an empty question and writes nothing', async () => {
    const before = await snapshot(db);
    await expect(addQuestion(db, goalId, '   ')).rejects.toThrow(/Write the question/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('private tags', () => {
  it('are marked and listed', async () => {
    await setTagPrivate(db, RH, true);
    expect(await privateTagIds(db)).toEqual(new Set([RH]));
    await setTagPrivate(db, RH, false);
    expect(await privateTagIds(db)).toEqual(new Set());
  });
});

describe("what's missing", () => {
  it('offers unlinked highlights and unfinished articles of the most-missing archetype first', async () => {
    const linked = await createHighlight(db, newHighlight({ tagIds: [SO], note: 'solver' }), 10);
    await linkToGoal(db, goalId, { type: 'highlight', id: linked.id });
    const offered = await createHighlight(
      db,
      newHighlight({ url: 'https://example.com/lead', title: 'Leading', tagIds: [TL] }),
      20,
    );
    await setPageTag(db, { url: 'https://example.com/unread', title: 'Unread TL' }, TL, true);

    const result = await whatsMissing(db, goalId);
    expect(result.evidence).toEqual({ [SO]: 100 });
    expect(result.missing.map((m) => [m.name, m.points])).toEqual([
      ['Tech Lead', 60],
      ['Right Hand', 10],
    ]);
    const techLead = result.missing[0];
    expect(techLead?.highlights.map((h) => h.highlight.id)).toEqual([offered.id]);
    expect(techLead?.articles.map((a) => a.title)).toEqual(['Unread TL']);

    await linkToGoal(db, goalId, { type: 'highlight', id: offered.id });
    const after = await whatsMissing(db, goalId);
    expect(after.missing[0]?.highlights).toEqual([]);
    expect(after.evidence).toEqual({ [SO]: 50, [TL]: 50 });
  });
});

describe('a new goal with where the reader stands', () => {
  const draft = { title: 'Own the roadmap', why: '', targetDate: null, targetMix: null };

  it('is written with its first check-in, or without one when none is given', async () => {
    const shares = { [SO]: { low: 70, high: 80 }, [RH]: { low: 25, high: 25 } };
    const goal = await createGoalCheckedIn(db, draft, { date: '2026-11-02', shares });
    const stored = await db.goals.get(goal.id);
    expect(stored?.checkIns).toHaveLength(1);
    expect(stored?.checkIns?.[0]).toMatchObject({ date: '2026-11-02', shares });
    const bare = await createGoalCheckedIn(db, { ...draft, title: 'Another' }, null);
    expect((await db.goals.get(bare.id))?.checkIns ?? []).toEqual([]);
  });

  it('keeps no goal when its check-in cannot be written', async () => {
    const before = (await db.goals.toArray()).length;
    // A share that throws when read makes the check-in fail after the goal was added.
    const shares = Object.defineProperty({}, SO, {
      enumerable: true,
      get: () => {
        throw new Error('unreadable share');
      },
    });
    const broken = { date: '2026-11-02', shares };
    await expect(createGoalCheckedIn(db, draft, broken)).rejects.toThrow();
    expect(await db.goals.toArray()).toHaveLength(before);
  });
});
