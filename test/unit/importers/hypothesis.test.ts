import { describe, expect, it } from 'vitest';
import { ImportRefused, SKIP, summarize } from '../../../src/shared/importers/import-plan';
import { planImport } from '../../../src/shared/importers/plan-import';
import { named, NOW, sample } from './samples';

describe('Hypothesis client export', () => {
  const plan = planImport([named('hypothesis-export.json')], NOW);

  it('is recognised from its content', () => {
    expect(plan.format).toBe('hypothesis-export');
    // The same bytes under another name are still a Hypothesis export.
    expect(
      planImport([{ name: 'notes.txt', text: sample('hypothesis-export.json') }], NOW).format,
    ).toBe('hypothesis-export');
  });

  it('keeps highlights and annotations with their selectors, note and tags', () => {
    const archetypes = plan.pages.find(
      (p) => p.url === 'https://staffeng.example.com/guides/archetypes',
    );
    expect(archetypes?.title).toBe('Staff archetypes');
    expect(archetypes?.highlights).toHaveLength(2);
    const [first, second] = archetypes?.highlights ?? [];
    expect(first?.selectors).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: 'The Tech Lead guides the approach\n and execution',
        prefix: 'ew archetypes are common.\n\n    ',
        suffix: ' of a particular team.',
      },
      { type: 'TextPositionSelector', start: 1370, end: 1422 },
    ]);
    expect(first?.note).toBe('');
    expect(first?.createdAt).toBe(Date.parse('2025-03-04T09:15:42.123Z'));
    expect(second?.note).toBe('Worth raising in my 1:1, with "quotes" and commas, too.');
    expect(second?.tags).toEqual(['Solver', 'tech-lead', 'promotion']);
    // A +01:00 offset is read as such.
    expect(second?.createdAt).toBe(Date.parse('2025-03-05T09:00:00Z'));
    expect(second?.selectors).toHaveLength(1);
  });

  it('skips page notes, replies and non-web documents, and counts them', () => {
    expect(plan.skipped).toEqual(
      expect.arrayContaining([
        { reason: SKIP.pageNote, count: 1 },
        { reason: SKIP.reply, count: 1 },
        { reason: SKIP.noWebUrl, count: 1 },
      ]),
    );
    expect(summarize(plan)).toEqual({ articles: 2, highlights: 3, notes: 2, tags: 4, skipped: 3 });
  });

  it('drops the fragment, keeps a quote without context, dates an unreadable date today', () => {
    const writing = plan.pages.find((p) => p.url.startsWith('https://lethain.example.org'));
    expect(writing?.url).toBe('https://lethain.example.org/staff-eng/writing');
    expect(writing?.title).toBe('');
    expect(writing?.highlights[0]?.selectors).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: 'Writing is how staff engineers scale',
        prefix: '',
        suffix: '',
      },
    ]);
    expect(writing?.highlights[0]?.createdAt).toBe(NOW);
    expect(plan.undated).toBe(1);
  });

  it('reads the API search results too', () => {
    const search = planImport([named('hypothesis-search.json')], NOW);
    expect(search.format).toBe('hypothesis-api');
    expect(summarize(search)).toEqual({
      articles: 1,
      highlights: 1,
      notes: 1,
      tags: 1,
      skipped: 1,
    });
    expect(search.pages[0]?.highlights[0]?.selectors[1]).toEqual({
      type: 'TextPositionSelector',
      start: 10,
      end: 30,
    });
  });

  it('refuses a truncated export, naming the file', () => {
    const text = sample('hypothesis-export.json');
    const cut = { name: 'hypothesis.json', text: text.slice(0, Math.floor(text.length / 2)) };
    expect(() => planImport([cut], NOW)).toThrow(ImportRefused);
    expect(() => planImport([cut], NOW)).toThrow(/hypothesis\.json is not complete JSON/);
  });

  it('refuses an export whose annotations are not annotations', () => {
    const fake = JSON.stringify({ export_date: '2026-01-01', annotations: [1, 'two', { id: 3 }] });
    expect(() => planImport([{ name: 'h.json', text: fake }], NOW)).toThrow(
      /not Hypothesis annotations/,
    );
    const noList = JSON.stringify({ export_date: '2026-01-01', annotations: 'none' });
    expect(() => planImport([{ name: 'h.json', text: noList }], NOW)).toThrow(/no list/);
  });
});
