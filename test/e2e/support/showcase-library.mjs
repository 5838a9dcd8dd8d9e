// A small, realistic reading library for the screenshots and the visual checks: a few articles
// on staff-engineer topics (three of them served as real pages — light, dark and hostile — so the
// in-page toolbar and hover tip can be seen on them), built-in and own tags, two goals with
// target mixes, and links with notes. Seeded by importing it as a backup, as a reader restoring
// one would.
const DAY = 24 * 3600e3;
const daysAgo = (n) => {
  const d = new Date(Date.now() - n * DAY);
  d.setHours(10, 0, 0, 0);
  return d.getTime();
};

const TAG = {
  lead: 'archetype-tech-lead',
  architect: 'archetype-architect',
  solver: 'archetype-solver',
  hand: 'archetype-right-hand',
  influence: 'tag-influence',
  prep: 'tag-one-on-one',
  writing: 'tag-writing',
};

const OWN_TAGS = [
  { id: TAG.influence, name: 'Influence', color: '#0e7490' },
  { id: TAG.prep, name: '1:1 prep', color: '#be185d' },
  { id: TAG.writing, name: 'Writing', color: '#4d7c0f' },
];

/** The articles served as pages; each paragraph holds the quotes highlighted on it. */
export const SERVED = {
  light: {
    file: 'staff-archetypes.html',
    title: 'Staff engineer archetypes',
    paragraphs: [
      'Staff engineers come in different shapes, and most organisations need several of them at once.',
      'The Tech Lead guides the approach and execution of a particular team, partnering closely with a single manager.',
      'The Architect is responsible for the direction, quality, and approach within a critical area.',
      'The Solver digs deep into arbitrarily complex problems and finds an appropriate path forward.',
      'Pick the archetype that fits the work your organisation needs, not the one that sounds most senior.',
    ],
    highlights: [
      { quote: 'partnering closely with a single manager', tags: [TAG.lead], color: 'yellow' },
      {
        quote: 'digs deep into arbitrarily complex problems',
        tags: [TAG.solver],
        color: 'green',
        note: 'This is most of my last two quarters: bring the migration story to the 1:1.',
      },
    ],
  },
  dark: {
    file: 'engineering-strategy.html',
    title: 'Writing an engineering strategy',
    paragraphs: [
      'Good strategy is boring: it names the decisions a team keeps facing and picks an answer once.',
      'Write five design documents, then look at what they have in common: that is your strategy.',
      'A strategy nobody reads is a diary. Share the draft early and let the critics shape it.',
    ],
    highlights: [
      { quote: 'Write five design documents', tags: [TAG.architect, TAG.writing], color: 'blue' },
    ],
  },
  hostile: {
    file: 'promotion-packets.html',
    title: 'Promotion packets that work',
    paragraphs: [
      'A promotion packet is a story about impact, told with evidence someone else can check.',
      'Collect the evidence as you go: a dated note beats a reconstructed memory every time.',
      'Ask your manager what the committee will miss, and write that part first.',
    ],
    highlights: [
      { quote: 'Collect the evidence as you go', tags: [TAG.prep, TAG.hand], color: 'pink' },
    ],
  },
  fresh: {
    file: 'managing-up.html',
    title: 'Managing up without losing yourself',
    paragraphs: [
      'Your manager has a job you rarely see. Ask what keeps them up at night before asking for scope.',
      'Bring problems with a proposed answer, and say how sure you are.',
    ],
    highlights: [],
  },
};

/** Articles read elsewhere: only in the library. */
const ELSEWHERE = [
  {
    url: 'https://noidea.dog/glue',
    title: 'Being glue',
    highlights: [
      {
        quote: 'Glue work is expected when you are senior, but risky when you are not.',
        tags: [TAG.hand, TAG.influence],
        color: 'yellow',
      },
      {
        quote: 'Make the invisible work visible: write down what you unblocked and for whom.',
        tags: [TAG.influence, TAG.writing],
        color: 'green',
      },
    ],
  },
  {
    url: 'https://lethain.com/staff-engineer-archetypes/',
    title: 'Operating at staff: the first ninety days',
    highlights: [
      {
        quote:
          'Spend your first month listening; your first proposal should be small and obviously right.',
        tags: [TAG.lead],
        color: 'blue',
      },
      {
        quote: 'An architecture review is a conversation about risk, not a vote on taste.',
        tags: [TAG.architect],
        color: 'yellow',
        note: 'Try this framing in the payments review.',
      },
    ],
  },
  {
    url: 'https://example.org/debugging-production',
    title: 'Debugging production at scale',
    highlights: [
      {
        quote: 'The Solver is trusted with the problems nobody else can close.',
        tags: [TAG.solver],
        color: 'pink',
      },
    ],
  },
];

export const GOALS = {
  staff: 'Reach staff engineer by 2028',
  solver: 'Grow the Solver side to 30 %',
};

/** Every quote a served page carries, so tests can find it on the page. */
export const firstQuote = (variant) => SERVED[variant].highlights[0]?.quote;

/** The served article as HTML, with the look of one of the page variants. */
export function showcaseHtml(variant, { style = '' } = {}) {
  const { title, paragraphs } = SERVED[variant];
  const body = paragraphs.map((text, i) => `<p id="p${i + 1}">${text}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>${PAGE_STYLES[variant]}${style}</style></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;
}

const PAGE_STYLES = {
  light:
    'body { margin: 40px auto; max-width: 720px; font: 19px/1.6 Georgia, serif; color: #222; background: #fff; } p { margin: 0 0 28px; }',
  dark: 'html, body { background: #0b0b0f; color: #f5f5f5; } body { margin: 40px auto; max-width: 720px; font: 20px/1.6 sans-serif; } p { margin: 0 0 28px; }',
  // Everything a page can do to the toolbar from outside: force colour and font on every
  // element, reset what it can (its hosts, which it cannot name, are the elements added to
  // <html>), shrink rem, zoom the whole page, and set the custom properties Trailmark's own
  // tokens are named with.
  hostile: `html { font-size: 10px; zoom: 1.5; --tm-fg: #000; --tm-bg: #000; --tm-surface: #000;
    --tm-text-sm: 7px; --tm-text-base: 7px; --tm-font: serif; }
  * { color: black !important; font: 12px serif !important; }
  body > * { all: initial; display: block; }
  html > :not(head):not(body), [class], div { all: initial !important; color: black !important; }
  body { margin: 24px; background: #fafafa; } p { margin: 0 0 24px; display: block; }`,
  fresh:
    'body { margin: 40px auto; max-width: 720px; font: 18px/1.6 system-ui, sans-serif; color: #1a1a1a; } p { margin: 0 0 24px; }',
};

const record = (sections, name, value) => sections[name].push(value);

/** The library as a Trailmark JSON backup; `urlOf(file)` is where the served pages live. */
export function showcaseBackup(urlOf) {
  const sections = { tags: [], goals: [], pages: [], highlights: [], links: [], reviews: [] };
  OWN_TAGS.forEach((tag, i) =>
    record(sections, 'tags', {
      ...tag,
      nameKey: tag.name.toLowerCase(),
      kind: 'custom',
      createdAt: daysAgo(60 - i),
    }),
  );
  const articles = [
    ...Object.values(SERVED)
      .filter((a) => a.highlights.length > 0)
      .map((a) => ({ ...a, url: urlOf(a.file) })),
    ...ELSEWHERE,
  ];
  let n = 0;
  articles.forEach((article, i) => {
    const pageId = `page-${i + 1}`;
    const { host } = new URL(article.url);
    record(sections, 'pages', {
      id: pageId,
      url: article.url,
      title: article.title,
      site: host,
      firstVisitAt: daysAgo(30 - i * 4),
      lastVisitAt: daysAgo(20 - i * 3),
      readingMs: (4 + i * 3) * 60_000,
      maxScroll: Math.min(1, 0.4 + i * 0.15),
      status: i % 3 === 2 ? 'reading' : 'read',
      tagIds: i === 0 ? [TAG.lead] : [],
      tracked: true,
      updatedAt: daysAgo(20 - i * 3),
    });
    article.highlights.forEach((h, position) => {
      n += 1;
      const at = daysAgo(28 - i * 4) + position * 60_000;
      record(sections, 'highlights', {
        id: `hl-${n}`,
        pageId,
        selectors: [{ type: 'TextQuoteSelector', exact: h.quote, prefix: '', suffix: '' }],
        quote: h.quote,
        color: h.color,
        tagIds: h.tags,
        note: h.note ?? '',
        createdAt: at,
        updatedAt: at,
        anchorStatus: 'anchored',
        position,
      });
    });
  });

  const goal = (id, title, why, targetDate, targetMix, age) =>
    record(sections, 'goals', {
      id,
      title,
      why,
      targetDate,
      status: 'active',
      targetMix,
      createdAt: daysAgo(age),
      updatedAt: daysAgo(age),
    });
  goal(
    'goal-staff',
    GOALS.staff,
    'Wider scope, and a say in the platform roadmap.',
    '2028-01-01',
    {
      [TAG.lead]: 40,
      [TAG.architect]: 30,
      [TAG.solver]: 20,
      [TAG.hand]: 10,
    },
    45,
  );
  goal(
    'goal-solver',
    GOALS.solver,
    'The incidents I close are my best evidence.',
    '2027-06-30',
    {
      [TAG.solver]: 30,
      [TAG.lead]: 50,
      [TAG.hand]: 20,
    },
    35,
  );

  const links = [
    ['goal-staff', 'highlight', 'hl-1', 'Partnering with my manager on the roadmap'],
    ['goal-staff', 'highlight', 'hl-3', ''],
    ['goal-staff', 'page', 'page-4', 'Keep a glue-work log'],
    ['goal-staff', 'highlight', 'hl-7', 'Use in the payments review'],
    ['goal-solver', 'highlight', 'hl-2', 'Migration story'],
    ['goal-solver', 'highlight', 'hl-8', ''],
  ];
  links.forEach(([goalId, targetType, targetId, note], i) => {
    const target =
      targetType === 'page'
        ? sections.pages.find((p) => p.id === targetId)
        : sections.highlights.find((h) => h.id === targetId);
    record(sections, 'links', {
      id: `link-${i + 1}`,
      goalId,
      targetType,
      targetId,
      pageId: targetType === 'page' ? target.id : target.pageId,
      note,
      createdAt: daysAgo(18 - i * 2),
    });
  });
  return JSON.stringify({
    format: 'trailmark-backup',
    version: 1,
    exportedAt: Date.now(),
    ...sections,
  });
}
