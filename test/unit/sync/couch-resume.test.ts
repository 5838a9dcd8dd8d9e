// A run stopped half way (the service worker stopped, the network gone) resumes from its last
// batch: nothing lost, nothing applied or stored twice.
import { describe, expect, it } from 'vitest';
import { createHighlight } from '../../../src/storage/records/highlights';
import { pendingChanges } from '../../../src/storage/sync/pending';
import { newHighlight } from '../storage/fixtures';
import { newDevice, newLibrary, useServer, sync } from './sync-devices';

const couch = useServer();

/** Stops the run as soon as the `n`th answer to a request on `path` has arrived. */
function stopAfter(path: string, n: number) {
  const controller = new AbortController();
  let seen = 0;
  const stopping: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (String(input).includes(path)) {
      seen += 1;
      if (seen === n) controller.abort();
    }
    return response;
  };
  return { signal: controller.signal, fetch: stopping, batchSize: 5 };
}

const HIGHLIGHTS = 30;

describe('a sync stopped half way', () => {
  it('resumes both the push and the pull with nothing lost or duplicated', async () => {
    const settings = await newLibrary(couch);
    const a = await newDevice();
    for (let i = 0; i < HIGHLIGHTS; i += 1)
      await createHighlight(a, newHighlight({ note: `n${i}` }));
    const total = HIGHLIGHTS + 1;
    expect(await pendingChanges(a)).toBe(total);

    await expect(sync(a, settings, stopAfter('_bulk_docs', 3))).rejects.toThrow('sync was stopped');
    const left = await pendingChanges(a);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(total);
    await sync(a, settings, { batchSize: 5 });
    expect(await pendingChanges(a)).toBe(0);
    // One document per record, and the meta document.
    expect((await couch.docs(settings.database)).length).toBe(total + 1);

    const b = await newDevice();
    let received = 0;
    await expect(
      sync(b, settings, {
        ...stopAfter('_changes', 3),
      }),
    ).rejects.toThrow('sync was stopped');
    const partly = await b.highlights.count();
    expect(partly).toBeGreaterThan(0);
    expect(partly).toBeLessThan(HIGHLIGHTS);
    received += partly + (await b.pages.count());
    const rest = await sync(b, settings, { batchSize: 5 });
    received += rest.received;
    expect(await b.highlights.count()).toBe(HIGHLIGHTS);
    expect(await b.pages.count()).toBe(1);
    // Every record applied exactly once over the two runs.
    expect(received).toBe(total);
    expect(await pendingChanges(b)).toBe(0);
  });
});
