// What a reader does in the Data view's Sync section, for both drivers: find a field by its
// label (the label's own control, as assistive technology finds it), type into it, press a
// button by its text, and read the section's lines.
import { waitFor } from './page-actions.mjs';

let marks = 0;

/** Marks the control of the label reading exactly `label` in the Sync region; its selector. */
export async function fieldByLabel(page, label) {
  const mark = `sync-field-${(marks += 1)}`;
  return waitFor(
    () =>
      page.evaluate(
        ([text, m]) => {
          const region = document.querySelector('section[aria-labelledby="sync-title"]');
          const found = [...(region?.querySelectorAll('label') ?? [])].find(
            (l) => l.textContent.trim() === text,
          );
          if (!found?.control) return null;
          found.control.setAttribute('data-e2e', m);
          return `[data-e2e="${m}"]`;
        },
        [label, mark],
      ),
    { what: `the field labelled "${label}"` },
  );
}

/** Types `value` into the field labelled `label`, replacing what it held. */
export async function fill(page, label, value) {
  const selector = await fieldByLabel(page, label);
  await page.click(selector);
  await page.evaluate((s) => document.querySelector(s).select(), selector);
  if (value === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(value);
  await waitFor(
    () => page.evaluate((s) => document.querySelector(s).value, selector).then((v) => v === value),
    {
      what: `"${label}" to hold what was typed`,
    },
  );
}

/** Clicks the button of the Sync region whose text is `text`. */
export async function press(page, text) {
  const mark = `sync-button-${(marks += 1)}`;
  const selector = await waitFor(
    () =>
      page.evaluate(
        ([t, m]) => {
          const region = document.querySelector('section[aria-labelledby="sync-title"]');
          const button = [...(region?.querySelectorAll('button') ?? [])].find(
            (b) => b.textContent.trim() === t && !b.disabled,
          );
          if (!button) return null;
          button.setAttribute('data-e2e', m);
          return `[data-e2e="${m}"]`;
        },
        [text, mark],
      ),
    { what: `the "${text}" button` },
  );
  await page.click(selector);
}

/** Text of the Sync region's element matching `css`, whitespace flattened ('' when none). */
export const syncText = (page, css) =>
  page.evaluate((s) => {
    const region = document.querySelector('section[aria-labelledby="sync-title"]');
    return [...(region?.querySelectorAll(s) ?? [])]
      .map((el) => el.textContent.replace(/\s+/g, ' ').trim())
      .join(' | ');
  }, css);

/** Waits until the Sync region's `css` text matches `pattern`; resolves to that text. */
export const waitForSyncText = (page, css, pattern, what) =>
  waitFor(
    async () => {
      const text = await syncText(page, css);
      return pattern.test(text) ? text : null;
    },
    { what },
  );

/** Fills in the account and turns sync on. */
export async function turnOnSync(page, { server, database, username, password, passphrase = '' }) {
  await fill(page, 'Server address', server);
  await fill(page, 'Database', database);
  await fill(page, 'Username', username);
  await fill(page, 'Password', password);
  await fill(page, 'Encryption passphrase (optional)', passphrase);
  await press(page, 'Turn on sync');
}

/** Sync's status as the background tells it, asked from an extension page. */
export const syncStatus = (page) =>
  page.evaluate(async () => {
    const reply = await (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({
      app: 'trailmark',
      kind: 'sync.status',
      payload: {},
    });
    return reply.ok ? reply.data.status : reply;
  });
