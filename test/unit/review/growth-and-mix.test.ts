import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { growth, unitFor } from '../../../src/shared/growth';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { evidenceOf } from '../../../src/storage/records/evidence';
import { libraryMix } from '../../../src/storage/records/reading-mix';
import { fillLibrary, T0 } from '../export/library-fixture';
import { freshDb } from '../storage/test-db';

process.env.TZ = 'UTC';
const DAY = 24 * 3600e3;

describe('growth', () => {
  it('counts per week from Monday, keeping empty weeks', () => {
    // T0 is Monday 1 June 2026.
    const buckets = growth([T0, T0 + DAY, T0 + 15 * DAY], 'week', T0 + 20 * DAY);
    expect(buckets.map((b) => b.count)).toEqual([2, 0, 1]);
    expect(buckets[0]?.start).toBe(Date.UTC(2026, 5, 1));
  });

  it('counts per month and picks months for long histories', () => {
    const buckets = growth([T0, T0 + 40 * DAY], 'month', T0 + 40 * DAY);
    expect(buckets.map((b) => [new Date(b.start).getUTCMonth(), b.count])).toEqual([
      [5, 1],
      [6, 1],
    ]);
    expect(unitFor(T0, T0 + 30 * DAY)).toBe('week');
    expect(unitFor(T0, T0 + 400 * DAY)).toBe('month');
    expect(growth([], 'week', T0)).toEqual([]);
  });
});

describe('mixes', () => {
  let db: TrailmarkDb;
  beforeEach(async () => {
    db = freshDb();
    await fillLibrary(db);
  });
  afterEach(() => db.delete());

  it('shares highlights and reading time between archetypes', async () => {
    const mix = await libraryMix(db, { from: null, to: null });
    expect(mix.highlights).toEqual({
      shares: {
        'archetype-tech-lead': 50,
        'archetype-architect': 0,
        'archetype-solver': 50,
        'archetype-right-hand': 0,
      },
      counts: {
        'archetype-tech-lead': 1,
        'archetype-architect': 0,
        'archetype-solver': 1,
        'archetype-right-hand': 0,
      },
      tagged: 2,
      basis: { highlights: 2, articles: 0 },
      untagged: 1,
    });
    // The archetypes page is tagged Solver itself; the packet page has no archetype at all.
    expect(mix.reading).toEqual({
      shares: {
        'archetype-tech-lead': 0,
        'archetype-architect': 0,
        'archetype-solver': 100,
        'archetype-right-hand': 0,
      },
      ms: {
        'archetype-tech-lead': 0,
        'archetype-architect': 0,
        'archetype-solver': 9 * 60_000,
        'archetype-right-hand': 0,
      },
      articles: 1,
      taggedMs: 9 * 60_000,
      untaggedMs: 4 * 60_000,
    });
  });

  it('limits the mix and the evidence to a period', async () => {
    const later = { from: T0 + DAY, to: null };
    expect((await libraryMix(db, later)).highlights.tagged).toBe(0);
    expect((await evidenceOf(db, 'goal-staff')).map((i) => i.link.id)).toEqual([
      'link-1',
      'link-2',
    ]);
    expect((await evidenceOf(db, 'goal-staff', later)).map((i) => i.link.id)).toEqual(['link-2']);
  });
});
