// Devices of the sync end-to-end tests, written once for both drivers. Each device reaches the
// server only through its own line (support/couch-link.mjs), cut except while the test syncs
// that device: two devices are "apart" for as long as the test wants, and no run the device
// starts on its own (after a change, on its schedule) lands between two steps of a test.
import { startLink } from './couch-link.mjs';
import { clickPhrase, toolbarBox, usePageNames, WAIT_MS, waitFor } from './page-actions.mjs';
import { press, syncStatus, turnOnSync, waitForSyncText } from './sync-actions.mjs';

/** Where the background keeps sync's last status (src/shared/sync-settings.ts). */
const SYNC_STATE_KEY = 'trailmark-sync-state';

/**
 * Resolves once a run of `device` that ended at or after `since` (ms) ended well; a run that
 * failed in between (one the device started while cut off) is waited past. Fails naming the
 * state last seen.
 */
export const goodRunAfter = (device, since, what, timeout = WAIT_MS) =>
  waitFor(
    async () => {
      const { state } = await syncStatus(device.review);
      if (state.kind === 'idle' && (state.last?.at ?? 0) >= since) return state;
      throw new Error(`sync is ${state.kind}${state.message ? `: ${state.message}` : ''}`);
    },
    { what: what ?? `a good sync run on ${device.label}`, timeout },
  ).catch(async (error) => {
    throw new Error([error.message, ...(await syncClues(device, since))].join('\n    '));
  });

/** Bounded, for a failure's message: a clue that does not come in time is said so. */
const clue = (read) =>
  waitFor(read, { timeout: 10_000, what: 'the clue' }).catch((error) => error.message);

/**
 * What a failed wait on a sync run can still learn, each way on its own so that one stuck
 * path does not hide the others: the status the background last stored (read from storage,
 * past the background), whether the background answers a call, and the requests on the line.
 */
async function syncClues(device, since) {
  const stored = await clue(() =>
    device.review.evaluate(async (key) => {
      const record = (await (globalThis.browser ?? globalThis.chrome).storage.local.get(key))[key];
      return JSON.stringify({ ...record, now: Date.now() });
    }, SYNC_STATE_KEY),
  );
  const answers = await clue(async () =>
    (await device.backgroundCall('pageNames')) ? 'yes' : 'no',
  );
  return [
    `pressed at ${since}; stored status: ${stored}`,
    `the background answers a call: ${answers}`,
    'the line saw:',
    ...device.link.recent(),
  ];
}

/** Waits, within `timeout`, for `promise` to resolve; its value. */
export async function settled(promise, what, timeout = WAIT_MS) {
  let outcome = null;
  promise.then(
    (value) => (outcome = { value }),
    (error) => (outcome = { error }),
  );
  await waitFor(
    () => {
      if (outcome?.error) throw outcome.error;
      return outcome !== null;
    },
    { what, timeout },
  );
  return outcome.value;
}

/**
 * Turns sync on in `device`'s Sync section with the account, over its line; resolves once the
 * first run has ended well, with the line cut again.
 */
export async function turnOn(device, { account, passphrase }) {
  device.link.connect();
  try {
    const since = Date.now();
    await turnOnSync(device.review, { ...account, server: device.link.url, passphrase });
    await waitForSyncText(device.review, '[data-testid=sync-account]', /trailmark-/, 'sync on');
    await goodRunAfter(device, since, `the first run of ${device.label}`);
  } finally {
    device.link.cut();
  }
}

/** Gives `driver` a line to the server, opens its Sync section and turns sync on. */
export async function connectDevice(driver, label, setup) {
  const link = await startLink(setup.couch.url);
  const device = Object.assign(driver, { label, link });
  device.review = await driver.extensionPage('review.html#data/sync');
  await turnOn(device, setup);
  return device;
}

/**
 * Connects the device, presses "Sync now" and waits for a run after the press to end well;
 * the status line it shows. The line is cut again after.
 */
export async function syncNow(device) {
  device.link.connect();
  try {
    const pressed = Date.now();
    await press(device.review, 'Sync now');
    await goodRunAfter(device, pressed, `a good run of ${device.label} after Sync now`);
    return await waitForSyncText(
      device.review,
      '[data-testid=sync-status]',
      /^Last synced/,
      'the status line',
    );
  } finally {
    device.link.cut();
  }
}

export const snapshotOf = (device) => device.backgroundCall('snapshot');

/** The page helpers find Trailmark's drawings by the names of one install: this device's. */
export const actOn = async (device) => usePageNames(await device.backgroundCall('pageNames'));

/** Waits until `device`'s records satisfy `check` (given the snapshot); the snapshot. */
export const recordsWhere = (device, check, what) =>
  waitFor(
    async () => {
      const records = await snapshotOf(device);
      return check(records) ? records : null;
    },
    { what: `${what} on ${device.label}` },
  );

/** Clicks a drawn highlight to open its editor, as a reader does. */
export async function openEditor(page, selector, phrase) {
  await clickPhrase(page, selector, phrase);
  await waitFor(() => toolbarBox(page), { what: `the editor on "${phrase}"` });
}

/** Closes the toolbar with Escape and waits for it to go. */
export async function closeToolbar(page) {
  await page.keyboard.press('Escape');
  await waitFor(async () => !(await toolbarBox(page)), { what: 'the toolbar to close' });
}
