import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportRefused, SKIP, summarize } from '../../../src/shared/importers/import-plan';
import { planImport } from '../../../src/shared/importers/plan-import';
import { readImportFiles } from '../../../src/shared/importers/read-import-files';
import { named, NOW } from './samples';

describe('Obsidian Web Clipper highlights', () => {
  const plan = planImport([named('obsidian-highlights.json')], NOW);

  it('reads the text out of its HTML, notes, colours and both date forms', () => {
    expect(plan.format).toBe('obsidian-clipper');
    const [architect, rightHand, oddDate] = plan.pages[0]?.highlights ?? [];
    expect(architect).toMatchObject({
      quote: 'The Architect is responsible for the direction & quality of technical work',
      note: 'Architect, not me yet\n\nSecond note',
      color: 'yellow',
      createdAt: Date.parse('2025-01-10T08:30:00.000Z'),
    });
    expect(rightHand).toMatchObject({ color: 'green', createdAt: 1736498000000, note: '' });
    expect(oddDate?.createdAt).toBe(NOW);
  });

  it('skips an image highlight (no text) and a page that is not on the web', () => {
    expect(plan.skipped).toEqual(
      expect.arrayContaining([
        { reason: SKIP.noQuote, count: 1 },
        { reason: SKIP.noWebUrl, count: 1 },
      ]),
    );
    expect(summarize(plan)).toMatchObject({ articles: 1, highlights: 3, notes: 1 });
  });
});

const METADATA = [
  {
    id: 'a1',
    slug: 'staff-archetypes-18c2f',
    title: 'Staff archetypes',
    author: 'Will Larson',
    url: 'https://staffeng.example.com/guides/archetypes',
    state: 'Archived',
    labels: ['career', 'Tech Lead'],
    savedAt: '2024-02-10T10:00:00.000Z',
    updatedAt: '2024-02-11T10:00:00.000Z',
  },
  {
    id: 'a2',
    slug: 'no-highlights-99',
    title: 'Saved, never highlighted',
    url: 'https://example.org/unread',
    labels: [],
    savedAt: '2024-02-12T10:00:00.000Z',
  },
];

const HIGHLIGHTS = `> The Tech Lead guides the approach and execution of a particular team. [⤴️](https://omnivore.app/me/staff-archetypes-18c2f#h1)

#solver #tech-lead

Remember for the talk.

> The Solver digs deep into arbitrarily complex problems
> and finds an appropriate path forward. [⤴️](https://omnivore.app/me/staff-archetypes-18c2f#h2)
`;

describe('Omnivore export archive', () => {
  const zip = (files: Record<string, string>) =>
    new File(
      [zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])))],
      'omnivore.zip',
    );

  it('reads the archive: metadata, then each article’s highlight file', async () => {
    const archive = zip({
      'metadata_0_to_2.json': JSON.stringify(METADATA),
      'content/staff-archetypes-18c2f.html': '<html>the saved copy</html>',
      'highlights/staff-archetypes-18c2f.md': HIGHLIGHTS,
      'highlights/orphaned-file.md': '> a quote of an article not in the metadata',
    });
    const plan = planImport(await readImportFiles([archive]), NOW);
    expect(plan.format).toBe('omnivore');
    expect(plan.pages).toHaveLength(1);
    const page = plan.pages[0];
    expect(page).toMatchObject({ title: 'Staff archetypes', tags: ['career', 'Tech Lead'] });
    expect(page?.highlights.map((h) => [h.quote, h.note, h.tags])).toEqual([
      [
        'The Tech Lead guides the approach and execution of a particular team.',
        'Remember for the talk.',
        ['solver', 'tech-lead'],
      ],
      [
        'The Solver digs deep into arbitrarily complex problems\nand finds an appropriate path forward.',
        '',
        [],
      ],
    ]);
    expect(page?.highlights[0]?.createdAt).toBe(Date.parse('2024-02-10T10:00:00.000Z'));
    expect(plan.skipped).toEqual([
      { reason: 'highlight files with no article in the metadata', count: 1 },
    ]);
  });

  it('reads the metadata and Markdown files chosen together, as the archive holds them', () => {
    const plan = planImport(
      [
        { name: 'metadata_0_to_2.json', text: JSON.stringify(METADATA) },
        { name: 'staff-archetypes-18c2f.md', text: HIGHLIGHTS },
      ],
      NOW,
    );
    expect(summarize(plan)).toMatchObject({ articles: 1, highlights: 2, notes: 1 });
  });

  it('refuses a damaged archive', async () => {
    const archive = zip({ 'metadata_0_to_2.json': JSON.stringify(METADATA) });
    const bytes = new Uint8Array(await archive.arrayBuffer());
    const cut = new File([bytes.slice(0, bytes.length - 30)], 'omnivore.zip');
    await expect(readImportFiles([cut])).rejects.toThrow(ImportRefused);
  });
});

describe('files of no format Trailmark reads', () => {
  it('refuses a Trailmark backup, naming where it belongs', () => {
    const backup = JSON.stringify({ format: 'trailmark-backup', version: 2, tags: [] });
    expect(() => planImport([{ name: 'b.json', text: backup }], NOW)).toThrow(/Import a backup/);
  });

  it('refuses Kindle clippings, which name no web page, saying so', () => {
    const clippings =
      "The Staff Engineer's Path (Tanya Reilly)\r\n- Your Highlight on page 12 | Location 180-182 | Added on Monday, May 6, 2024 9:15:02 PM\r\n\r\nA passage.\r\n==========\r\n";
    expect(() => planImport([{ name: 'My Clippings.txt', text: clippings }], NOW)).toThrow(
      /Kindle clippings, which name books, not web pages/,
    );
  });

  it('refuses other JSON, an empty file, and two exports at once', () => {
    expect(() => planImport([{ name: 'x.json', text: '{"a":1}' }], NOW)).toThrow(/no format/);
    expect(() => planImport([{ name: 'x.json', text: '  ' }], NOW)).toThrow(/empty/);
    expect(() =>
      planImport([named('hypothesis-search.json'), named('readwise-with-url.csv')], NOW),
    ).toThrow(/one export at a time/);
  });
});
