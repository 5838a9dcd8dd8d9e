// How a run reads the changes feed, against the real server: after a push, the device's feed
// position moves past its own writes, so the next run neither downloads nor opens them again
// (this is what keeps one change after a large first sync fast), while a change another device
// made during the push still arrives in the same run.
import { describe, expect, it } from 'vitest';
import { createHighlight, updateHighlight } from '../../../src/storage/records/highlights';
import { newHighlight } from '../storage/fixtures';
import { newDevice, newLibrary, useServer, sync } from './sync-devices';

const couch = useServer();

interface FeedRead {
  bodies: boolean;
  records: number;
}

/** A fetch that notes every changes-feed page read, and can act before a request goes out. */
function watching(before?: (url: string) => Promise<void>) {
  const reads: FeedRead[] = [];
  const watched: typeof fetch = async (input, init) => {
    const url = String(input);
    await before?.(url);
    const response = await fetch(input, init);
    if (!url.includes('/_changes')) return response;
    const page = (await response.clone().json()) as { results: { id: string }[] };
    reads.push({
      bodies: url.includes('include_docs=true'),
      records: page.results.filter((r) => !r.id.startsWith('trailmark-')).length,
    });
    return response;
  };
  return { reads, fetch: watched };
}

describe('the changes feed', () => {
  it('is read past this device’s own writes right after its push', async () => {
    const settings = await newLibrary(couch, 'feed passphrase');
    const a = await newDevice();
    for (let i = 0; i < 12; i += 1) await createHighlight(a, newHighlight({ note: `n${i}` }));
    const first = watching();
    const pushed = await sync(a, settings, { fetch: first.fetch, batchSize: 5 });
    expect(pushed.sent).toBe(13);
    // The pass after the push saw its own writes, without their bodies.
    expect(first.reads.filter((r) => !r.bodies).reduce((n, r) => n + r.records, 0)).toBe(13);

    const h = await a.highlights.toCollection().first();
    await updateHighlight(a, h?.id ?? '', { note: 'one change' });
    const next = watching();
    expect(await sync(a, settings, { fetch: next.fetch, batchSize: 5 })).toMatchObject({
      sent: 1,
      received: 0,
    });
    // Before its push the run found nothing new; after it, only the one document it wrote.
    expect(next.reads.filter((r) => r.bodies)).toEqual([{ bodies: true, records: 0 }]);
    expect(next.reads.filter((r) => !r.bodies)).toEqual([{ bodies: false, records: 1 }]);
  });

  it('brings in, in the same run, what another device wrote while this one pushed', async () => {
    const settings = await newLibrary(couch);
    const [a, b] = [await newDevice(), await newDevice()];
    await sync(b, settings);
    await createHighlight(a, newHighlight({ note: 'from a' }));
    const fromB = await createHighlight(b, newHighlight({ note: 'from b, mid-push' }));
    let bPushed = false;
    const run = watching(async (url) => {
      if (!url.includes('/_bulk_docs') || bPushed) return;
      bPushed = true;
      await sync(b, settings);
    });
    const report = await sync(a, settings, { fetch: run.fetch });
    expect(bPushed).toBe(true);
    expect(report.received).toBeGreaterThanOrEqual(1);
    expect((await a.highlights.get(fromB.id))?.note).toBe('from b, mid-push');
    // And it is not read again by the next run.
    const next = watching();
    expect(await sync(a, settings, { fetch: next.fetch })).toMatchObject({ sent: 0, received: 0 });
    expect(next.reads.reduce((n, r) => n + r.records, 0)).toBe(0);
  });
});
