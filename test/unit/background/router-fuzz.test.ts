// Thousands of random messages at the router: each must get an answer (or be left to other
// listeners), and every refused one must leave the database exactly as it was.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../src/background/handlers';
import { createRouter } from '../../../src/background/router';
import { requestSchemas } from '../../../src/shared/message-schemas';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { createHighlight } from '../../../src/storage/records/highlights';
import { seedArchetypes } from '../../../src/storage/records/seed';
import { snapshot } from '../../../src/storage/database/snapshot';
import { newHighlight, URL_A } from '../storage/fixtures';
import { freshDb } from '../storage/test-db';

const OWN_ID = 'trailmark-test-id';
const KINDS = Object.keys(requestSchemas);
export const FUZZ_RUNS = 3000;

let db: TrailmarkDb;
let route: ReturnType<typeof createRouter>;
beforeAll(async () => {
  db = freshDb();
  await seedArchetypes(db);
  await createHighlight(db, newHighlight({ id: 'existing' }));
  route = createRouter(createHandlers(db), OWN_ID, `chrome-extension://${OWN_ID}/`);
});
afterAll(() => db.delete());

const anyValue = fc.anything({ maxDepth: 3, withBigInt: true, withMap: true, withSet: true });
const nearlyValidPayload = fc.record(
  {
    id: fc.oneof(fc.string(), fc.constant('existing'), anyValue),
    url: fc.oneof(fc.webUrl(), fc.string(), anyValue),
    title: fc.oneof(fc.string(), anyValue),
    selectors: fc.oneof(
      fc.array(
        fc.record(
          {
            type: fc.constantFrom('TextQuoteSelector', 'TextPositionSelector', 'x'),
            exact: fc.string(),
            prefix: anyValue,
            start: fc.integer(),
            end: fc.integer(),
          },
          { requiredKeys: ['type'] },
        ),
      ),
      anyValue,
    ),
    color: fc.oneof(fc.constantFrom('yellow', 'red', ''), anyValue),
    tagIds: fc.oneof(fc.array(fc.string()), anyValue),
    note: fc.oneof(fc.string({ maxLength: 50 }), anyValue),
    results: anyValue,
    name: anyValue,
    activeMs: anyValue,
    maxScroll: anyValue,
    interval: fc.oneof(fc.constantFrom('daily', 'weekly', null, 'hourly'), anyValue),
  },
  { requiredKeys: [] },
);
const message = fc.oneof(
  anyValue,
  fc.record(
    {
      app: fc.constant('trailmark'),
      kind: fc.oneof(fc.constantFrom(...KINDS), fc.string(), anyValue),
      payload: fc.oneof(nearlyValidPayload, anyValue),
    },
    { requiredKeys: ['app'] },
  ),
);
const onPage = (url: string) => ({ id: OWN_ID, url, frameId: 0, tab: { id: 3, url } });
const sender = fc.oneof(
  fc.constant({ id: OWN_ID }),
  fc.constant(onPage(URL_A)),
  fc.constant(onPage('https://other.example/')),
  fc.constant({ id: OWN_ID, url: `chrome-extension://${OWN_ID}/review.html` }),
  fc.record({ id: fc.oneof(fc.string(), fc.constant(undefined)), url: fc.string() }),
);

describe('router fuzz', () => {
  it(`answers ${FUZZ_RUNS} random messages, and writes nothing for any it refuses`, async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(message, sender, async (msg, from) => {
        const before = await snapshot(db);
        const reply = await route(msg, from);
        if (reply === undefined) {
          expect((msg as { app?: unknown } | null)?.app).not.toBe('trailmark');
          return;
        }
        const answer = await reply;
        expect(typeof answer.ok).toBe('boolean');
        if (!answer.ok) {
          refused += 1;
          expect(answer.error.message.length).toBeGreaterThan(0);
          expect(await snapshot(db)).toEqual(before);
        }
      }),
      { numRuns: FUZZ_RUNS, seed: 20261129 },
    );
    expect(refused).toBeGreaterThan(FUZZ_RUNS / 4);
  }, 120_000);

  it('a quota error in the middle of a write reports a full disk and leaves no half-written record', async () => {
    const before = await snapshot(db);
    const full = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    });
    vi.spyOn(db.highlights, 'add').mockRejectedValueOnce(full);
    const reply = await route(
      {
        app: 'trailmark',
        kind: 'highlight.create',
        payload: { ...newHighlight({ id: 'on-a-full-disk', url: 'https://new.example/page' }) },
      },
      onPage('https://new.example/page'),
    );
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringMatching(/disk is full/) },
    });
    expect(await snapshot(db)).toEqual(before);
  });
});
