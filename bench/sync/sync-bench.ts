// The sync bench itself (see run.mjs). The longest stretch the event loop was held during the
// big pull is the engine's own longest task in Node; the long tasks of Trailmark's pages while
// the extension syncs in Chromium are measured in the browser (page-longtasks.mjs).
import 'fake-indexeddb/auto';
import { openDb } from '../../src/storage/database/db';
import { seedArchetypes } from '../../src/storage/records/seed';
import { runSync } from '../../src/background/sync/sync-run';
import { sinceCheckpoint } from '../../src/storage/sync/sync-target';
import type { HighlightRecord, PageRecord } from '../../src/shared/types';
import type { SyncSettings } from '../../src/shared/sync-types';
import { startCouch } from '../../test/support/couch-server.mjs';
import { CPU_SLOWDOWN, pageLongTasksDuringSync } from './page-longtasks.mjs';

const PAGES = 1000;
const PER_PAGE = 10;
const ms = (n: number) => `${Math.round(n)} ms`;

function library(now: number) {
  const pages: PageRecord[] = [];
  const highlights: HighlightRecord[] = [];
  for (let p = 0; p < PAGES; p += 1) {
    const id = crypto.randomUUID();
    const url = `https://example.com/articles/${p}`;
    pages.push({
      id,
      url,
      title: `Article ${p} on staff engineering`,
      site: 'example.com',
      firstVisitAt: now,
      lastVisitAt: now,
      readingMs: 60_000,
      maxScroll: 0.5,
      status: 'reading',
      tagIds: [],
      tracked: false,
      updatedAt: now,
    });
    for (let h = 0; h < PER_PAGE; h += 1) {
      const quote = `Quote ${h} of article ${p}: the solver digs deep into a hard problem.`;
      highlights.push({
        id: crypto.randomUUID(),
        pageId: id,
        selectors: [
          { type: 'TextQuoteSelector', exact: quote, prefix: 'before ', suffix: ' after' },
        ],
        quote,
        color: 'yellow',
        tagIds: ['archetype-solver'],
        note: h % 3 === 0 ? `A note on ${p}/${h}` : '',
        createdAt: now,
        updatedAt: now,
        anchorStatus: 'anchored',
        position: h * 100,
      });
    }
  }
  return { pages, highlights };
}

/** The longest gap between timer turns while `work` runs. */
async function longestHold<T>(work: () => Promise<T>): Promise<{ value: T; longest: number }> {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    return { value: await work(), longest };
  } finally {
    clearInterval(timer);
  }
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

const couch = await startCouch();
try {
  await couch.createDb('bench');
  const settings: SyncSettings = {
    server: couch.url,
    database: 'bench',
    username: couch.admin.username,
    password: couch.admin.password,
    passphrase: 'a bench passphrase',
  };
  const a = openDb('bench-a');
  const b = openDb('bench-b');
  await seedArchetypes(a);
  await seedArchetypes(b);
  const { pages, highlights } = library(Date.now());
  const [, seedMs] = await timed(() =>
    a.transaction('rw', [a.pages, a.highlights], async () => {
      await a.pages.bulkAdd(pages);
      await a.highlights.bulkAdd(highlights);
    }),
  );
  console.log(`library: ${PAGES} pages, ${PAGES * PER_PAGE} highlights (written in ${ms(seedMs)})`);
  console.log(`outbox after writing: ${await a.outbox.count()} records`);

  const [pushed, pushMs] = await timed(() => runSync(a, settings));
  console.log(`first push from device A: ${pushed.sent} documents in ${ms(pushMs)}`);

  const [pull, pullMs] = await timed(() => longestHold(() => runSync(b, settings)));
  console.log(
    `first sync of empty device B: ${pull.value.received} records in ${ms(pullMs)} ` +
      `(bar: under 60 000 ms); longest event-loop hold ${ms(pull.longest)} (bar: 50 ms)`,
  );
  console.log(
    `device B now holds ${await b.highlights.count()} highlights, ${await b.pages.count()} pages`,
  );

  const [first, second] = highlights;
  if (!first || !second) throw new Error('no highlight');
  const oneChange = async (id: string, note: string) => {
    const [, changeMs] = await timed(async () => {
      await a.highlights.update(id, { note, updatedAt: Date.now() });
      await runSync(a, settings);
      await runSync(b, settings);
    });
    return { changeMs, arrived: (await b.highlights.get(id))?.note === note };
  };
  const after = await oneChange(first.id, 'changed on A');
  console.log(
    `one change, A's sync then B's: ${ms(after.changeMs)} (bar: under 1 000 ms); ` +
      `arrived: ${after.arrived}`,
  );
  // As every run did before the feed was read past a device's own writes (and as a run still
  // does after one stopped between its push and that read): A reads its 11 000 writes back.
  await a.meta.put(sinceCheckpoint(`${(await a.meta.get('sync:target'))?.value}`, '0'));
  const before = await oneChange(second.id, 'changed on A again');
  console.log(
    `one change with A's own ${PAGES * (PER_PAGE + 1)} writes read back first: ` +
      `${ms(before.changeMs)}; arrived: ${before.arrived}`,
  );
  await a.delete();
  await b.delete();

  const inPage = await pageLongTasksDuringSync(settings, PAGES * PER_PAGE);
  if (CPU_SLOWDOWN > 1) console.log(`pages' CPU slowed down ${CPU_SLOWDOWN} times`);
  console.log(
    inPage.state.kind === 'idle'
      ? `first sync in Chromium's service worker: ${inPage.state.last?.received ?? 0} records ` +
          `in ${ms(inPage.runMs)} from "Turn on sync" (bar: under 60 000 ms); the library ` +
          `view showed them all ${ms(inPage.shownAfterMs)} after it ended`
      : `first sync in Chromium failed: ${inPage.state.message}`,
  );
  for (const [name, tasks] of [
    ['the library view', inPage.library],
    ['the Sync section', inPage.section],
  ] as const) {
    const durations = (tasks as { ms: number }[]).map((task) => task.ms);
    console.log(
      `meanwhile on ${name} (until then): ${durations.length} long tasks, longest ` +
        `${ms(Math.max(0, ...durations))} (bar: no task over 50 ms)`,
    );
  }
} finally {
  await couch.stop();
}
