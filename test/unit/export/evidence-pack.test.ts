// The evidence pack on fixed input: grouped by article as the 1:1 brief is (each article once,
// the reader's notes before the quotes), plain [title](url) links for web addresses only, and an
// article linked without a note or a highlight listed as read, not as evidence.
import { describe, expect, it } from 'vitest';
import { renderEvidencePack, type PackItem } from '../../../src/shared/evidence-pack';

process.env.TZ = 'UTC';

const T0 = Date.UTC(2026, 5, 1, 12);
const DAY = 86_400_000;
const SO = 'archetype-solver';

const guide = { id: 'p1', title: 'Staff archetypes', url: 'https://staffeng.com/guides/a (b)' };
const skimmed = { id: 'p2', title: 'Skimmed only', url: 'https://example.com/skim' };
const local = { id: 'p3', title: 'A local file', url: 'file:///home/me/notes.html' };

const item = (over: Partial<PackItem>): PackItem => ({
  link: { note: '' },
  page: guide,
  highlight: null,
  datedAt: T0,
  tagIds: [],
  ...over,
});

const items: PackItem[] = [
  item({
    highlight: { quote: 'The Solver digs deep', note: 'That is me' },
    tagIds: [SO, 'secret'],
    datedAt: T0 + DAY,
  }),
  item({ highlight: { quote: 'The Tech Lead guides', note: '' }, link: { note: 'For the talk' } }),
  item({ page: skimmed, datedAt: T0 + 2 * DAY }),
  item({ page: local, link: { note: 'Kept locally' }, datedAt: T0 + 3 * DAY }),
];

const pack = renderEvidencePack(
  [
    {
      goal: {
        title: 'Reach staff',
        why: '',
        targetDate: null,
        status: 'active',
        targetMix: { [SO]: 100 },
      },
      items,
    },
  ],
  { generatedAt: T0 + 10 * DAY, periodLabel: 'all time', tagNames: new Map([[SO, 'Solver']]) },
);

describe('the evidence pack', () => {
  it('names each article once, oldest quote first, with every quote below it', () => {
    expect(pack.split('[Staff archetypes](').length - 1).toBe(1);
    const heading = pack.indexOf('### [Staff archetypes]');
    expect(heading).toBeGreaterThan(0);
    expect(pack.indexOf('> The Tech Lead guides')).toBeGreaterThan(heading);
    expect(pack.indexOf('> The Solver digs deep')).toBeGreaterThan(
      pack.indexOf('> The Tech Lead guides'),
    );
  });

  it('puts the reader’s notes before the quotes', () => {
    expect(pack.indexOf('**My note:** For the talk')).toBeLessThan(
      pack.indexOf('> The Tech Lead guides'),
    );
    expect(pack.indexOf('**My note:** That is me')).toBeLessThan(
      pack.indexOf('> The Solver digs deep'),
    );
  });

  it('lists an article linked without a note or a highlight as read, not as evidence', () => {
    expect(pack).toContain('**Also read:**\n\n- [Skimmed only](https://example.com/skim)');
    expect(pack).not.toContain('### [Skimmed only]');
    expect(pack).not.toMatch(/Read the whole article/);
    expect(pack).toContain('**Evidence:** 2 highlights from 2 articles · 1 article also read');
  });

  it('writes plain [title](url) links, and a non-web address as plain text', () => {
    expect(pack).toContain('### [Staff archetypes](https://staffeng.com/guides/a%20%28b%29)');
    expect(pack).not.toContain('](<');
    expect(pack).toContain('### A local file');
    expect(pack).not.toContain('file:');
  });

  it('prints only the tag names it is given', () => {
    expect(pack).toContain('Tags: Solver');
    expect(pack).not.toContain('secret');
  });
});
