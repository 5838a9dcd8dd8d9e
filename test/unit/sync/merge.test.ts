import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src/shared/sync/hlc';
import { localState } from '../../../src/storage/sync/local-state';
import {
  mergeStates,
  mergeTagSets,
  revivedClock,
  type SyncState,
} from '../../../src/storage/sync/merge';

const at = (wall: number, node = 'x') => formatHlc({ wall, counter: 0, node });

const highlight = {
  id: 'h1',
  pageId: 'p1',
  quote: 'q',
  color: 'yellow',
  note: '',
  tagIds: [],
  updatedAt: 1,
  anchorStatus: 'anchored',
};

const state = (record: SyncState['record'], clock: SyncState['clock'], deleted?: string) => ({
  record,
  clock,
  deleted,
});

describe('merging two versions of a record', () => {
  it('keeps edits to different fields from both sides', () => {
    const local = state(
      { ...highlight, note: 'mine', updatedAt: 5 },
      { base: at(1), fields: { note: at(5, 'a') } },
    );
    const incoming = state(
      { ...highlight, color: 'blue', updatedAt: 6, anchorStatus: 'unknown' },
      { base: at(1), fields: { color: at(6, 'b') } },
    );
    const merged = mergeStates('highlights', local, incoming);
    expect(merged.record).toMatchObject({
      note: 'mine',
      color: 'blue',
      updatedAt: 6,
      anchorStatus: 'anchored',
    });
    // Either order gives the same record.
    const other = mergeStates(
      'highlights',
      { ...incoming, record: { ...highlight, ...incoming.record, anchorStatus: 'anchored' } },
      local,
    );
    expect(other.record).toEqual(merged.record);
  });

  it('lets the later edit of the same field win', () => {
    const local = state(
      { ...highlight, note: 'old' },
      { base: at(1), fields: { note: at(5, 'a') } },
    );
    const incoming = state(
      { ...highlight, note: 'new' },
      { base: at(1), fields: { note: at(7, 'b') } },
    );
    expect(mergeStates('highlights', local, incoming).record?.note).toBe('new');
    expect(mergeStates('highlights', incoming, local).record?.note).toBe('new');
  });

  it('lets a delete win over an edit made before it, and an edit after it bring the record back', () => {
    const edited = state({ ...highlight, note: 'edit' }, { base: at(1), fields: { note: at(5) } });
    const deleted = state(null, { base: at(1) }, at(6));
    expect(mergeStates('highlights', edited, deleted).record).toBeNull();
    expect(mergeStates('highlights', deleted, edited).record).toBeNull();
    const undone = state({ ...highlight, note: 'undo' }, { base: at(1), fields: { note: at(9) } });
    expect(mergeStates('highlights', deleted, undone).record?.note).toBe('undo');
  });

  it('adds up reading time per device instead of overwriting', () => {
    const page = {
      id: 'p1',
      url: 'https://a.example/',
      readingMs: 0,
      lastVisitAt: 1,
      maxScroll: 0.2,
    };
    const a = {
      ...state({ ...page, readingMs: 60_000, lastVisitAt: 9 }, { base: at(1) }),
      reading: { a: 60_000 },
    };
    const b = {
      ...state({ ...page, readingMs: 30_000, maxScroll: 0.8 }, { base: at(2) }),
      reading: { b: 30_000 },
    };
    const merged = mergeStates('pages', a, b);
    expect(merged.record).toMatchObject({ readingMs: 90_000, lastVisitAt: 9, maxScroll: 0.8 });
    // Seeing the same version again adds nothing.
    expect(mergeStates('pages', merged, b).record?.readingMs).toBe(90_000);
  });

  it('merges tag sets against the version both sides shared: adds and removes on either side stay', () => {
    const base = ['solver', 'mentor'];
    // Each side added one tag, and one side removed one of the shared ones.
    expect(mergeTagSets(['solver', 'mentor', 'ours'], ['solver', 'theirs'], base)).toEqual([
      'solver',
      'theirs',
      'ours',
    ]);
    // Nothing changed here: the incoming set as it is.
    expect(mergeTagSets(base, ['mentor', 'solver', 'new'], base)).toEqual([
      'mentor',
      'solver',
      'new',
    ]);
    const local = {
      ...state(
        { ...highlight, tagIds: ['solver', 'ours'] },
        { base: at(1), fields: { tagIds: at(5, 'a') } },
      ),
      tagBase: ['solver'],
    };
    const incoming = state(
      { ...highlight, tagIds: ['solver', 'theirs'] },
      { base: at(1), fields: { tagIds: at(7, 'b') } },
    );
    const merged = mergeStates('highlights', local, incoming);
    expect(merged.record?.tagIds).toEqual(['solver', 'theirs', 'ours']);
    expect(merged.clock.fields?.tagIds).toBe(at(7, 'b'));
    // With no shared version known, the later set wins, as for any field.
    const { tagBase: _none, ...unknown } = local;
    expect(mergeStates('highlights', unknown, incoming).record?.tagIds).toEqual([
      'solver',
      'theirs',
    ]);
  });

  it('merges the tags of a copy never exchanged with the server as a union, the later set winning only for one synced without a base', () => {
    const ours = { ...highlight, tagIds: ['solver', 'ours'] };
    const theirs = state({ ...highlight, tagIds: ['theirs'] }, { base: at(9, 'b') });
    const unsynced = localState(
      'highlights',
      ours,
      { key: 'highlights:h1', clock: { base: at(5) } },
      'a',
    );
    expect(unsynced.tagBase).toEqual([]);
    expect(mergeStates('highlights', unsynced, theirs).record?.tagIds).toEqual([
      'theirs',
      'solver',
      'ours',
    ]);
    const synced = localState(
      'highlights',
      ours,
      { key: 'highlights:h1', clock: { base: at(5) }, rev: '1-x' },
      'a',
    );
    expect(synced.tagBase).toBeUndefined();
    expect(mergeStates('highlights', synced, theirs).record?.tagIds).toEqual(['theirs']);
  });
});

describe('a record brought back after its delete', () => {
  it('outlives the tombstone through merges of its revivals, each field by its own stamp', () => {
    const deleted = at(4, 'a');
    // Two devices each brought the record back; every field's own stamp is from before the
    // delete, so only the revival stamps keep the merged record alive.
    const here = state(
      { ...highlight, note: 'kept' },
      revivedClock({ base: at(1), fields: { note: at(2) } }, at(6, 'b')),
      deleted,
    );
    const there = state(
      { ...highlight, color: 'green' },
      revivedClock({ base: at(1), fields: { color: at(3) } }, at(7, 'c')),
      deleted,
    );
    const merged = mergeStates('highlights', here, there);
    expect(merged.record).toMatchObject({ note: 'kept', color: 'green' });
    // A third device's version, deleted there and never brought back, loses to it still.
    const dead = state(null, { base: at(1) }, deleted);
    const again = mergeStates('highlights', merged, dead);
    expect(again.record).toMatchObject({ note: 'kept', color: 'green' });
    // An edit made after the delete, before either revival, wins over the revived values.
    const edited = state(
      { ...highlight, note: 'edited after the delete' },
      { base: at(1), fields: { note: at(5, 'd') } },
      deleted,
    );
    expect(mergeStates('highlights', again, edited).record?.note).toBe('edited after the delete');
  });
});
