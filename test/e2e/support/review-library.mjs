// A reading library as a Trailmark JSON backup, built in Node for the review-page scenarios:
// they seed the extension by importing it through the page, as a reader restoring a backup would.
const DAY = 24 * 3600e3;

/** Whole days before now, at noon, so that "made before today" holds in any time zone. */
const daysAgo = (n) => {
  const d = new Date(Date.now() - n * DAY);
  d.setHours(12, 0, 0, 0);
  return d.getTime();
};

const ARCHETYPES = {
  solver: 'archetype-solver',
  lead: 'archetype-tech-lead',
  architect: 'archetype-architect',
};

const page = (i, site, title) => ({
  id: `page-${i}`,
  url: `https://${site}/article-${i}`,
  title,
  site,
  firstVisitAt: daysAgo(40 - i),
  lastVisitAt: daysAgo(30 - i),
  readingMs: (i + 1) * 60_000,
  maxScroll: 0.5,
  status: i % 2 === 0 ? 'read' : 'reading',
  tagIds: [],
  tracked: false,
  updatedAt: daysAgo(30 - i),
});

const COLORS = ['yellow', 'green', 'blue', 'pink'];

function highlight(i, pageId) {
  const quote =
    i === 0
      ? 'The Solver digs deep into gnarly problems'
      : i === 1
        ? 'A Tech Lead guides the approach of a team'
        : `Filler passage number ${i} about engineering practice`;
  const tagIds = i === 0 ? [ARCHETYPES.solver] : i === 1 ? [ARCHETYPES.lead] : [];
  return {
    id: `hl-${String(i).padStart(5, '0')}`,
    pageId,
    selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
    quote,
    color: COLORS[i % 4],
    tagIds,
    note: i === 0 ? 'Bring to the next 1:1' : '',
    createdAt: daysAgo(20) + i * 1000,
    updatedAt: daysAgo(20) + i * 1000,
    anchorStatus: 'anchored',
    position: i,
  };
}

export const GOAL_TITLE = 'Reach staff engineer';
export const SOLVER_QUOTE = 'The Solver digs deep into gnarly problems';
export const LEAD_QUOTE = 'A Tech Lead guides the approach of a team';

/** A backup with `count` highlights over three pages, one goal and two links. */
export function libraryBackup(count) {
  const pages = [
    page(0, 'staffeng.com', 'Staff archetypes'),
    page(1, 'lethain.com', 'Writing an engineering strategy'),
    page(2, 'example.com', 'Promotion packets'),
  ];
  const highlights = Array.from({ length: count }, (_, i) => highlight(i, pages[i % 3].id));
  const goal = {
    id: 'goal-staff',
    title: GOAL_TITLE,
    why: 'Wider scope',
    targetDate: '2028-01-01',
    status: 'active',
    targetMix: { [ARCHETYPES.solver]: 60, [ARCHETYPES.lead]: 40 },
    createdAt: daysAgo(30),
    updatedAt: daysAgo(30),
  };
  const link = (n, target, note) => ({
    id: `link-${n}`,
    goalId: goal.id,
    targetType: 'highlight',
    targetId: target.id,
    pageId: target.pageId,
    note,
    createdAt: daysAgo(11 - n),
  });
  const links = [link(1, highlights[0], 'Shows depth'), link(2, highlights[1], '')];
  const sections = { tags: [], goals: [goal], pages, highlights, links, reviews: [] };
  const body = Object.entries(sections)
    .map(
      ([name, records]) =>
        `${JSON.stringify(name)}:[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]`,
    )
    .join(',\n');
  return `{"format":"trailmark-backup","version":1,"exportedAt":${Date.now()},\n${body}}\n`;
}
