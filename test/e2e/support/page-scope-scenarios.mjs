// A content script speaks only for its own page, in every browser: messages sent as the
// content script of one site (as a compromised or tricked content script would send them) about
// another site's highlight are refused, and nothing changes; a flood of new tags is cut off.
// Each browser's file says how a test reaches the content script's own sending.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickHighlightButton, dragSelect, waitFor } from './page-actions.mjs';
import { page as articlePage } from './test-pages.mjs';
import { withBrowser } from './with-browser.mjs';

/**
 * `launch()` starts the browser; `contentScriptSender(driver, page)` resolves to a function that
 * sends a message from the Trailmark content script of `page` and resolves to the reply.
 */
export function pageScopeScenarios(launch, contentScriptSender) {
  let driver;
  let server;
  withBrowser(launch, (d, s) => ([driver, server] = [d, s]));

  const msg = (kind, payload) => ({ app: 'trailmark', kind, payload });

  test('a content script’s messages about another site are refused, and nothing changes', async () => {
    // The other site: same server, another origin (localhost rather than 127.0.0.1).
    server.setPage('bank.html', articlePage({ title: 'Bank' }));
    const bankUrl = server.url('bank.html').replace('127.0.0.1', 'localhost');
    const bank = await driver.newPage(bankUrl);
    await dragSelect(bank, '#p3', 'The Solver digs deep');
    await clickHighlightButton(bank);
    const saved = await waitFor(
      async () => (await driver.backgroundCall('snapshot')).highlights[0],
      {
        what: 'the bank page highlight saved',
      },
    );

    server.setPage('evil.html', articlePage({ title: 'Evil' }));
    const evil = await driver.newPage(server.url('evil.html'));
    const send = await contentScriptSender(driver, evil);
    const before = await driver.backgroundCall('snapshot');

    const attempts = [
      msg('page.load', { url: bankUrl }),
      msg('highlight.update', { id: saved.id, note: 'owned' }),
      msg('highlight.delete', { id: saved.id }),
      msg('page.reading', { url: bankUrl, title: 'x', activeMs: 60_000, maxScroll: 1 }),
      msg('highlight.create', {
        id: 'planted',
        url: 'https://bank.example/transfer',
        title: 'x',
        selectors: [{ type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }],
        color: 'yellow',
        tagIds: [],
        note: '',
      }),
    ];
    for (const attempt of attempts) {
      const reply = await send(attempt);
      assert.equal(reply?.ok, false, `${attempt.kind} was refused`);
      assert.equal(reply.error.code, 'forbidden-sender', `${attempt.kind}: ${reply.error.message}`);
    }
    assert.deepEqual(await driver.backgroundCall('snapshot'), before);

    // The same content script may still read its own page.
    const own = await send(msg('page.load', { url: server.url('evil.html') }));
    assert.equal(own?.ok, true);
    assert.deepEqual(own.data.highlights, []);
  });

  test('a flood of new tags from a page is cut off', async () => {
    server.setPage('flood.html', articlePage({ title: 'Flood' }));
    const flood = await driver.newPage(server.url('flood.html'));
    const send = await contentScriptSender(driver, flood);
    const codes = [];
    for (let i = 0; i < 15; i += 1) {
      const reply = await send(msg('tag.create', { id: `junk-${i}`, name: `junk ${i}` }));
      codes.push(reply.ok ? 'ok' : reply.error.code);
    }
    assert.deepEqual(codes, [...Array(10).fill('ok'), ...Array(5).fill('too-many')]);
    const { tags } = await driver.backgroundCall('snapshot');
    assert.equal(tags.filter((t) => t.name.startsWith('junk')).length, 10);
  });
}
