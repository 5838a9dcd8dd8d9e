import { describe, expect, it } from 'vitest';
import { ImportRefused, SKIP, summarize } from '../../../src/shared/importers/import-plan';
import { planImport } from '../../../src/shared/importers/plan-import';
import { NO_URL_COLUMN } from '../../../src/shared/importers/readwise-csv';
import { named, NOW, sample } from './samples';

describe('Readwise CSV', () => {
  it('says the plain export has no URL column, and skips every row for it', () => {
    const plan = planImport([named('readwise-export.csv')], NOW);
    expect(plan.format).toBe('readwise-csv');
    expect(plan.notices).toEqual([NO_URL_COLUMN]);
    expect(plan.pages).toEqual([]);
    expect(plan.skipped).toEqual([{ reason: SKIP.noWebUrl, count: 2 }]);
  });

  it('reads rows with a URL: commas, quotes and line breaks inside fields, odd rows', () => {
    const plan = planImport([named('readwise-with-url.csv')], NOW);
    expect(plan.notices).toEqual([]);
    const what = plan.pages.find((p) => p.url === 'https://staffeng.example.com/what');
    expect(what?.title).toBe('What is a staff engineer?');
    expect(what?.tags).toEqual(['career', 'staff']);
    const [first, second, third] = what?.highlights ?? [];
    expect(first).toMatchObject({
      quote: 'Staff engineers, at their best, multiply a team.',
      note: '',
      tags: ['Tech Lead', 'mentoring'],
      color: 'yellow',
      createdAt: Date.parse('2024-05-02T14:22:10Z'),
    });
    expect(first?.selectors).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: 'Staff engineers, at their best, multiply a team.',
        prefix: '',
        suffix: '',
      },
    ]);
    expect(second).toMatchObject({
      quote: 'A quote that spans\ntwo lines, with "quotes" inside.',
      note: 'Note line one\nnote line two',
      color: 'blue',
      createdAt: Date.parse('2024-05-03T09:00:00Z'),
    });
    expect(third).toMatchObject({ note: '', tags: ['architect'], color: 'yellow' });
    expect(new Date(third?.createdAt ?? 0).getFullYear()).toBe(2024);
    const odd = plan.pages.find((p) => p.url === 'https://example.org/odd');
    expect(odd?.highlights[0]?.createdAt).toBe(NOW);
    expect(plan.undated).toBe(1);
    expect(plan.skipped).toEqual(
      expect.arrayContaining([
        { reason: SKIP.noWebUrl, count: 2 },
        { reason: SKIP.noQuote, count: 1 },
      ]),
    );
    expect(summarize(plan)).toMatchObject({ articles: 2, highlights: 4, notes: 1 });
  });

  it('reads CRLF line ends, a byte order mark and a date in seconds', () => {
    const text =
      '\uFEFFHighlight,Title,URL,Date\r\n"one, two",T,https://a.example/x,1714900000\r\n';
    const plan = planImport([{ name: 'import.csv', text }], NOW);
    expect(plan.pages[0]?.highlights[0]).toMatchObject({
      quote: 'one, two',
      createdAt: 1714900000000,
    });
  });

  it('refuses a CSV cut short inside a quoted field, and a CSV of another kind', () => {
    const text = sample('readwise-with-url.csv');
    const cut = text.slice(0, text.indexOf('two lines'));
    expect(() => planImport([{ name: 'rw.csv', text: cut }], NOW)).toThrow(/cut short/);
    const other = 'Date,Amount,Payee\n2024-01-01,12.50,Shop\n';
    expect(() => planImport([{ name: 'bank.csv', text: other }], NOW)).toThrow(ImportRefused);
  });
});

describe('Readwise Markdown export', () => {
  const plan = planImport([named('readwise-export.md')], NOW);

  it('takes each source’s URL from its metadata, and skips a source without one', () => {
    expect(plan.format).toBe('readwise-markdown');
    expect(plan.pages.map((p) => p.url)).toEqual(['https://staffeng.example.com/what']);
    expect(plan.pages[0]?.title).toBe('What Is a Staff Engineer?');
    expect(plan.pages[0]?.tags).toEqual(['career', 'staff']);
    expect(plan.skipped).toEqual([{ reason: SKIP.noWebUrl, count: 1 }]);
  });

  it('reads each highlight without its link back, with its note and tags', () => {
    const [first, second, third] = plan.pages[0]?.highlights ?? [];
    expect(first).toMatchObject({
      quote: 'Staff engineers, at their best, multiply a team.',
      note: 'The core of the role.',
      tags: ['Tech Lead', 'mentoring'],
    });
    expect(second?.quote).toBe('A passage that runs on\nover two lines.');
    expect(third).toMatchObject({ quote: 'A highlight without a note', note: '', tags: [] });
    // The export has no dates: every highlight is dated the day of import, and the preview says so.
    expect(plan.undated).toBe(3);
  });

  it('refuses Markdown that is not a Readwise export', () => {
    expect(() => planImport([{ name: 'notes.md', text: '# My notes\n\n- one\n' }], NOW)).toThrow(
      /not a Readwise export/,
    );
  });
});
