// With a passphrase the server holds only ciphertext and opaque ids; a device with the wrong
// passphrase (or none) is refused before it writes anything.
import { describe, expect, it } from 'vitest';
import { createHighlight } from '../../../src/storage/records/highlights';
import { ensureTag } from '../../../src/storage/records/tags';
import { createGoal } from '../../../src/storage/records/goals';
import { linkToGoal } from '../../../src/storage/records/links';
import { snapshot } from '../../../src/storage/database/snapshot';
import { newHighlight } from '../storage/fixtures';
import { library, newDevice, newLibrary, useServer, sync } from './sync-devices';

const couch = useServer();

const PASSPHRASE = 'correct horse battery staple';
const SECRETS = [
  'The Solver digs deep',
  'a private thought',
  'Staff archetypes',
  'staffeng',
  'Mentoring',
  'mentoring',
  'Reach staff',
  'shows depth',
];

describe('sync with a passphrase', () => {
  it('leaves no quote, note, title, URL or tag name readable on the server, in bodies or ids', async () => {
    const settings = await newLibrary(couch, PASSPHRASE);
    const a = await newDevice();
    const tag = await ensureTag(a, { id: crypto.randomUUID(), name: 'Mentoring' });
    const h = await createHighlight(
      a,
      newHighlight({ note: 'a private thought', tagIds: [tag.id] }),
    );
    const goal = await createGoal(a, {
      title: 'Reach staff',
      why: '',
      targetDate: null,
      targetMix: null,
    });
    await linkToGoal(a, goal.id, { type: 'highlight', id: h.id }, 'shows depth');
    expect((await sync(a, settings)).sent).toBe(5);

    const docs = await couch.docs(settings.database);
    expect(docs.length).toBe(6);
    const stored = JSON.stringify(docs);
    for (const secret of SECRETS) expect(stored).not.toContain(secret);
    // The check can fail: the same library without a passphrase shows them.
    const plain = await newLibrary(couch);
    await sync(a, plain);
    expect(JSON.stringify(await couch.docs(plain.database))).toContain('The Solver digs deep');

    const b = await newDevice();
    await sync(b, settings);
    expect(await library(b)).toEqual(await library(a));
  });

  it('refuses a wrong passphrase, or none, on a second device and writes nothing', async () => {
    const settings = await newLibrary(couch, PASSPHRASE);
    const a = await newDevice();
    await createHighlight(a, newHighlight());
    await sync(a, settings);

    const b = await newDevice();
    await createHighlight(b, newHighlight({ note: 'made on b' }));
    const before = await snapshot(b);
    await expect(
      sync(b, { ...settings, passphrase: 'correct horse battery stapler' }),
    ).rejects.toThrow(/^wrong passphrase$/);
    await expect(sync(b, { ...settings, passphrase: '' })).rejects.toThrow(
      /encrypted: enter its passphrase/,
    );
    expect(await snapshot(b)).toEqual(before);
    expect((await couch.docs(settings.database)).length).toBe(3);
  });
});
