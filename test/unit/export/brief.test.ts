// The 1:1 brief on fixed input, against a golden file read by eye (UPDATE_GOLDEN=1 rewrites it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  groupByArticle,
  isEvidence,
  renderBrief,
  type BriefInput,
} from '../../../src/shared/brief';

const TL = 'archetype-tech-lead';
const SO = 'archetype-solver';
const RH = 'archetype-right-hand';
const GOLDEN = path.resolve(__dirname, '../../fixtures/golden/brief.md.golden');
const DAY = 86_400_000;
const t0 = Date.UTC(2026, 5, 1, 12);

const archetypes = {
  id: 'p1',
  title: 'Staff archetypes',
  url: 'https://staffeng.com/guides/staff-archetypes',
};
const packets = {
  id: 'p2',
  title: 'Promotion packets (a guide)',
  url: 'https://example.com/a b(c)',
};
const skimmed = { id: 'p3', title: 'Skimmed only', url: 'https://example.com/skim' };

const input: BriefInput = {
  goal: {
    title: 'Reach staff engineer',
    why: 'Own *larger* problems',
    targetDate: '2028-06-30',
    targetMix: { [TL]: 60, [SO]: 30, [RH]: 10 },
  },
  checkIn: {
    id: 'c2',
    date: '2026-09-01',
    createdAt: t0,
    shares: { [SO]: { low: 70, high: 80 }, [RH]: { low: 20, high: 30 } },
  },
  // The two tagged highlights below: too few for a percent to mean much.
  evidenceMix: { shares: { [SO]: 50, [TL]: 50 }, counts: { [SO]: 1, [TL]: 1 }, tagged: 2 },
  questions: [
    { id: 'q1', text: 'Which project would show Tech Lead scope?', done: false, createdAt: t0 },
    { id: 'q2', text: 'Is the packet due in March?', done: true, createdAt: t0 },
  ],
  items: [
    {
      linkNote: '',
      page: archetypes,
      highlight: {
        quote: 'The Solver digs deep into arbitrarily complex problems',
        note: 'That is me today',
        tagIds: [SO, 'secret'],
      },
      readAt: t0 + DAY,
    },
    {
      linkNote: 'Shows the shape of a packet',
      page: packets,
      highlight: null,
      readAt: t0 + 2 * DAY,
    },
    {
      linkNote: '',
      page: archetypes,
      highlight: { quote: 'The Tech Lead guides the approach', note: '', tagIds: [TL] },
      readAt: t0,
    },
    { linkNote: '', page: skimmed, highlight: null, readAt: t0 + 3 * DAY },
  ],
  missing: [
    {
      name: 'Tech Lead',
      points: 27,
      highlights: [{ quote: 'Leading a team of teams', page: packets }],
      articles: [{ title: 'Unread TL', url: 'https://example.com/tl' }],
    },
  ],
  publicTagNames: new Map([
    [SO, 'Solver'],
    [TL, 'Tech Lead'],
  ]),
  generatedAt: t0 + 200 * DAY,
};

describe('the 1:1 brief', () => {
  it('matches the golden file', () => {
    const text = renderBrief(input);
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, text);
    expect(text).toBe(fs.readFileSync(GOLDEN, 'utf8'));
  });

  it('names each article once, oldest first, with every linked quote verbatim', () => {
    const text = renderBrief(input);
    expect(text.split('[Staff archetypes]').length - 1).toBe(1);
    expect(text).toContain('> The Solver digs deep into arbitrarily complex problems');
    expect(text).toContain('> The Tech Lead guides the approach');
    expect(text.indexOf('Tech Lead guides')).toBeLessThan(text.indexOf('Solver digs'));
  });

  it('puts the reader’s note before the quote it belongs to', () => {
    const text = renderBrief(input);
    expect(text.indexOf('That is me today')).toBeLessThan(text.indexOf('> The Solver digs'));
  });

  it('never prints a private tag and writes plain links', () => {
    const text = renderBrief(input);
    expect(text).not.toMatch(/secret/);
    expect(text).toContain('(https://example.com/a%20b%28c%29)');
    expect(text).not.toContain('](<');
  });

  it('lists an article linked without note or highlight as reading, not evidence', () => {
    const groups = groupByArticle(input.items);
    expect(groups.map((g) => [g.page.id, isEvidence(g)])).toEqual([
      ['p1', true],
      ['p2', true],
      ['p3', false],
    ]);
    const text = renderBrief(input);
    expect(text.indexOf('Skimmed only')).toBeGreaterThan(text.indexOf('## Also read'));
  });

  it('words the gaps from the latest check-in', () => {
    const text = renderBrief(input);
    expect(text).toContain('Tech Lead: now 0 %, target 60 % — 60 points to go');
    expect(text).toContain('Solver: now 75 %, target 30 % — 45 points over');
  });

  it('writes the evidence as counts under five tagged items, as percents from five', () => {
    expect(renderBrief(input)).toContain('| Solver | 70–80 % | 30 % | 1 |');
    const five = {
      ...input,
      evidenceMix: { shares: { [SO]: 60, [TL]: 40 }, counts: { [SO]: 3, [TL]: 2 }, tagged: 5 },
    };
    expect(renderBrief(five)).toContain('| Solver | 70–80 % | 30 % | 60 % |');
  });
});
