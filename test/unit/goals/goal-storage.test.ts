import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GoalDraft } from '../../../src/shared/goal-input';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { goalSummaries } from '../../../src/storage/records/goal-summaries';
import {
  createGoal,
  InvalidGoalError,
  listGoals,
  setGoalStatus,
  updateGoal,
} from '../../../src/storage/records/goals';
import { setHighlightTag } from '../../../src/storage/records/highlight-edits';
import {
  createHighlight,
  deleteHighlight,
  recordPlacements,
} from '../../../src/storage/records/highlights';
import { linkToGoal, setLinkNote, unlinkFromGoal } from '../../../src/storage/records/links';
import { setPageTag, setPageTracked, setPageStatus } from '../../../src/storage/records/page-edits';
import { popupPage } from '../../../src/storage/records/popup-page';
import { seedArchetypes } from '../../../src/storage/records/seed';
import { snapshot } from '../../../src/storage/database/snapshot';
import { newHighlight, URL_A } from '../storage/fixtures';
import { freshDb } from '../storage/test-db';

const TL = 'archetype-tech-lead';
const SO = 'archetype-solver';

const draft = (overrides: Partial<GoalDraft> = {}): GoalDraft => ({
  title: 'Reach staff engineer',
  why: 'Scope',
  targetDate: '2028-06-30',
  targetMix: { [TL]: 60, [SO]: 40 },
  ...overrides,
});

let db: TrailmarkDb;
beforeEach(async () => {
  db = freshDb();
  await seedArchetypes(db);
});
afterEach(() => db.delete());

describe('goals', () => {
  it('creates, edits and changes the status of a goal', async () => {
    const goal = await createGoal(db, draft(), 1000);
    expect(goal).toMatchObject({ status: 'active', createdAt: 1000, targetMix: { [TL]: 60 } });
    const edited = await updateGoal(db, goal.id, draft({ title: 'Staff by 2029' }), 2000);
    expect(edited).toMatchObject({ title: 'Staff by 2029', createdAt: 1000, updatedAt: 2000 });
    await setGoalStatus(db, goal.id, 'achieved', 3000);
    expect(await db.goals.get(goal.id)).toMatchObject({ status: 'achieved', updatedAt: 3000 });
  });

  it('refuses a mix that does not add up to 100 and writes nothing', async () => {
    const goal = await createGoal(db, draft());
    const before = await snapshot(db);
    const bad = draft({ targetMix: { [TL]: 60, [SO]: 30 } });
    await expect(createGoal(db, bad)).rejects.toThrow(InvalidGoalError);
    await expect(updateGoal(db, goal.id, bad)).rejects.toThrow(/90 %/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('lists active goals first, then achieved, then archived', async () => {
    const a = await createGoal(db, draft({ title: 'a' }), 1);
    const b = await createGoal(db, draft({ title: 'b' }), 2);
    const c = await createGoal(db, draft({ title: 'c' }), 3);
    await setGoalStatus(db, a.id, 'archived');
    await setGoalStatus(db, b.id, 'achieved');
    expect((await listGoals(db)).map((g) => g.title)).toEqual(['c', 'b', 'a']);
    expect(c.status).toBe('active');
  });
});

describe('links', () => {
  it('links a page and a highlight once each, and unlinks them', async () => {
    const goal = await createGoal(db, draft());
    const h = await createHighlight(db, newHighlight());
    const first = await linkToGoal(db, goal.id, { type: 'highlight', id: h.id }, ' act on it ');
    const again = await linkToGoal(db, goal.id, { type: 'highlight', id: h.id });
    expect(again).toEqual(first);
    expect(first).toMatchObject({ pageId: h.pageId, note: 'act on it' });
    await linkToGoal(db, goal.id, { type: 'page', id: h.pageId });
    expect(await db.links.count()).toBe(2);
    expect(await unlinkFromGoal(db, goal.id, h.id)).toBe(true);
    expect(await unlinkFromGoal(db, goal.id, h.id)).toBe(false);
    expect((await db.links.toArray()).map((l) => l.targetType)).toEqual(['page']);
  });

  it('refuses links to a missing goal or target and writes nothing', async () => {
    const goal = await createGoal(db, draft());
    const h = await createHighlight(db, newHighlight());
    const before = await snapshot(db);
    await expect(linkToGoal(db, 'nope', { type: 'highlight', id: h.id })).rejects.toThrow(
      /no goal/,
    );
    await expect(linkToGoal(db, goal.id, { type: 'page', id: 'nope' })).rejects.toThrow(/no page/);
    await expect(linkToGoal(db, goal.id, { type: 'highlight', id: 'x' })).rejects.toThrow(
      /no highlight/,
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('sets a link note, trimmed', async () => {
    const goal = await createGoal(db, draft());
    const h = await createHighlight(db, newHighlight());
    const link = await linkToGoal(db, goal.id, { type: 'highlight', id: h.id });
    await setLinkNote(db, link.id, '  ask for the design review  ');
    expect((await db.links.get(link.id))?.note).toBe('ask for the design review');
    await expect(setLinkNote(db, 'nope', 'x')).rejects.toThrow(/no link/);
  });
});

describe('goalSummaries', () => {
  it('counts evidence and computes the actual mix over highlight and page tags', async () => {
    // Distinct creation times: summaries come oldest first, and two goals made in the same
    // millisecond would fall back to their random ids.
    const goal = await createGoal(db, draft(), 1000);
    const other = await createGoal(db, draft({ title: 'Other', targetMix: null }), 2000);
    const h1 = await createHighlight(db, newHighlight({ tagIds: [TL] }));
    const h2 = await createHighlight(db, newHighlight({ tagIds: [TL, SO] }));
    const h3 = await createHighlight(db, newHighlight({ tagIds: [] }));
    await setPageTag(db, { url: URL_A, title: 'x' }, SO, true);
    for (const h of [h1, h2, h3]) await linkToGoal(db, goal.id, { type: 'highlight', id: h.id });
    await linkToGoal(db, goal.id, { type: 'page', id: h1.pageId });

    const [summary, empty] = await goalSummaries(db);
    // tl: 1 + 0.5, so: 0.5 + 1 (the page) → 50 / 50 over 3 tagged pieces
    expect(summary).toMatchObject({
      goal: { id: goal.id },
      highlights: 3,
      pages: 1,
      mix: { shares: { [TL]: 50, [SO]: 50 }, tagged: 3, untagged: 1 },
    });
    expect(empty).toMatchObject({ goal: { id: other.id }, highlights: 0, pages: 0 });
  });

  it('drops links whose highlight was deleted', async () => {
    const goal = await createGoal(db, draft());
    const h = await createHighlight(db, newHighlight({ tagIds: [TL] }));
    await linkToGoal(db, goal.id, { type: 'highlight', id: h.id });
    await deleteHighlight(db, h.id);
    const [summary] = await goalSummaries(db);
    expect(summary).toMatchObject({ highlights: 0, mix: { tagged: 0 } });
  });
});

describe('page edits', () => {
  const address = { url: 'https://lethain.com/staff-eng', title: 'Staff eng' };

  it('creates the page on its first edit, then changes only what was asked', async () => {
    const tracked = await setPageTracked(db, address, true, 1000);
    expect(tracked).toMatchObject({ url: address.url, tracked: true, status: 'reading' });
    await setPageStatus(db, address, 'read', 2000);
    await setPageTag(db, address, TL, true);
    await setPageTag(db, address, SO, true);
    await setPageTag(db, address, TL, false);
    expect(await db.pages.toArray()).toMatchObject([
      { tracked: true, status: 'read', tagIds: [SO], firstVisitAt: 1000 },
    ]);
  });

  it('refuses an unknown tag and creates no page', async () => {
    await expect(setPageTag(db, address, 'nope', true)).rejects.toThrow(/unknown tag/);
    expect(await db.pages.count()).toBe(0);
  });

  it('tags a highlight one tag at a time', async () => {
    const h = await createHighlight(db, newHighlight({ tagIds: [SO] }));
    await setHighlightTag(db, h.id, TL, true);
    await setHighlightTag(db, h.id, SO, false);
    expect((await db.highlights.get(h.id))?.tagIds).toEqual([TL]);
  });
});

describe('popupPage', () => {
  it('gives the page, its highlights in page order, its orphans apart, links and tags', async () => {
    const later = newHighlight({
      selectors: [{ type: 'TextPositionSelector', start: 500, end: 510 }],
    });
    const earlier = newHighlight();
    const lost = newHighlight();
    for (const h of [later, earlier, lost]) await createHighlight(db, h);
    await recordPlacements(db, URL_A, [{ id: lost.id, status: 'orphan', position: 0 }]);
    const goal = await createGoal(db, draft());
    await linkToGoal(db, goal.id, { type: 'highlight', id: later.id });

    const view = await popupPage(db, URL_A);
    expect(view.page?.url).toBe(URL_A);
    expect(view.highlights.map((h) => h.id)).toEqual([earlier.id, later.id]);
    expect(view.orphans.map((h) => h.id)).toEqual([lost.id]);
    expect(view.links.map((l) => l.targetId)).toEqual([later.id]);
    expect(view.tags.map((t) => t.name).slice(0, 2)).toEqual(['Tech Lead', 'Architect']);
  });

  it('gives an empty view for a page not stored', async () => {
    const view = await popupPage(db, 'https://example.com/');
    expect(view).toMatchObject({ page: null, highlights: [], orphans: [], links: [] });
  });
});
