// Writes a Trailmark JSON backup of a large library to a file: 10 000 pages, 100 000
// highlights with varied text, three goals with a few hundred links. The bench seeds the
// extension by importing it, which is also the import it measures.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const WORDS = (
  'staff engineer archetype solver architect tech lead right hand strategy promotion packet ' +
  'mentor sponsor incident review design document migration platform reliability latency ' +
  'roadmap alignment stakeholder influence scope ambiguity delegation feedback growth career ' +
  'writing decision record ownership quality velocity debt refactor observability budget ' +
  'hiring interview onboarding culture trust clarity priority tradeoff risk impact outcome'
).split(' ');
const ARCHETYPES = [
  'archetype-tech-lead',
  'archetype-architect',
  'archetype-solver',
  'archetype-right-hand',
];
const COLORS = ['yellow', 'green', 'blue', 'pink'];
const DAY = 24 * 3600e3;

/** A small deterministic generator, so every run benches the same library. */
function random(seed) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function sentence(next, length) {
  return Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
}

/**
 * The library's sections in backup order, each as [name, count, make(i)]: records are made one
 * at a time, in order, so the file and the bench's IndexedDB floor see the very same records.
 */
export function* librarySections({ pages = 10_000, highlights = 100_000, now = Date.now() } = {}) {
  const next = random(7);
  const section = (name, count, make) => [name, count, make];
  yield section('tags', 0, () => null);
  yield section('goals', 3, (i) => ({
    id: `goal-${i}`,
    title: `Goal ${i}: ${sentence(next, 4)}`,
    why: sentence(next, 12),
    targetDate: '2028-01-01',
    status: 'active',
    targetMix: { [ARCHETYPES[i]]: 60, [ARCHETYPES[(i + 1) % 4]]: 40 },
    createdAt: now - 400 * DAY,
    updatedAt: now - 400 * DAY,
  }));
  yield section('pages', pages, (i) => {
    const visited = now - Math.floor(next() * 365 * DAY);
    return {
      id: `page-${i}`,
      url: `https://site${i % 500}.example/${i}/article`,
      title: `${sentence(next, 6)} ${i}`,
      site: `site${i % 500}.example`,
      firstVisitAt: visited,
      lastVisitAt: visited,
      readingMs: Math.floor(next() * 1200_000),
      maxScroll: 1,
      status: 'read',
      tagIds: next() < 0.3 ? [ARCHETYPES[i % 4]] : [],
      tracked: false,
      updatedAt: visited,
    };
  });
  yield section('highlights', highlights, (i) => {
    const quote = sentence(next, 12 + Math.floor(next() * 30));
    const created = now - Math.floor(next() * 365 * DAY);
    return {
      id: `hl-${i}`,
      pageId: `page-${i % pages}`,
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: quote,
          prefix: sentence(next, 4),
          suffix: sentence(next, 4),
        },
        { type: 'TextPositionSelector', start: i, end: i + quote.length },
      ],
      quote,
      color: COLORS[i % 4],
      tagIds: next() < 0.5 ? [ARCHETYPES[Math.floor(next() * 4)]] : [],
      note: next() < 0.2 ? sentence(next, 10) : '',
      createdAt: created,
      updatedAt: created,
      anchorStatus: 'anchored',
      position: i,
    };
  });
  yield section('links', 300, (i) => ({
    id: `link-${i}`,
    goalId: `goal-${i % 3}`,
    targetType: 'highlight',
    targetId: `hl-${(i * 311) % highlights}`,
    pageId: `page-${((i * 311) % highlights) % pages}`,
    note: i % 2 ? sentence(next, 6) : '',
    createdAt: now - i * DAY,
  }));
  yield section('reviews', 0, () => null);
}

export async function writeLibraryFile(file, options = {}) {
  const now = Date.now();
  const out = createWriteStream(file);
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`{"format":"trailmark-backup","version":1,"exportedAt":${now}`);
  for (const [name, count, make] of librarySections({ ...options, now })) {
    await write(`,\n${JSON.stringify(name)}:[`);
    for (let i = 0; i < count; i += 1)
      await write(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(make(i))}`);
    await write('\n]');
  }
  await write('}\n');
  out.end();
  await once(out, 'finish');
}
