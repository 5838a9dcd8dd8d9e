// The text check itself, on a page whose right answers are known, in both browsers: it must
// catch low contrast just under 4.5:1 and pass just over it, find the background actually
// behind a text (an ancestor's, composited through transparency), count zoom into the size a
// person sees, treat a gradient by its worst stop, and leave out what nobody sees.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from './support/chromium-driver.mjs';
import { launchFirefox } from './support/firefox-driver.mjs';
import { startFixtureServer } from './support/fixture-server.mjs';
import { checkTextContrast } from './support/visual-checks.mjs';

const CASES = `
<p style="color:#767676">Grey just over the line</p>
<p style="color:#777777">Grey just under the line</p>
<p style="font-size:11px">Eleven pixel text</p>
<p style="color:rgb(0 0 0 / 0.4)">Faded black text</p>
<div style="background:rgb(0 0 0 / 0.5)"><span style="color:#fff">White on half black</span></div>
<div style="background:#1f2937;padding:4px"><span style="color:#f9fafb">Light on a dark card</span></div>
<div style="background:linear-gradient(#000, #e5e5e5)"><span style="color:#fff">White on a gradient</span></div>
<p style="zoom:0.5">Zoomed to half</p>
<input placeholder="Pale placeholder" style="color:#111">
<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);color:#eee">Read only by screen readers</span>
<p style="display:none;color:#eee">Not displayed</p>
<p style="visibility:hidden;color:#eee">Not visible</p>
<div id="host"></div>
<script>document.getElementById('host').attachShadow({ mode: 'closed' }).innerHTML = '<p style="color:#eee">Inside a closed root</p>';</script>`;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cases</title>
<style>body { font: 16px/1.4 sans-serif; background: #fff; color: #000; }
input::placeholder { color: #aaa; opacity: 1; }</style></head><body>${CASES}</body></html>`;

const FAILING = [
  'Grey just under the line',
  'Eleven pixel text',
  'Faded black text',
  'White on half black',
  'White on a gradient',
  'Zoomed to half',
  'Pale placeholder',
];
const PASSING = ['Grey just over the line', 'Light on a dark card'];
const UNSEEN = [
  'Read only by screen readers',
  'Not displayed',
  'Not visible',
  'Inside a closed root',
];

for (const [name, launch] of [
  ['chromium', launchChromium],
  ['firefox', launchFirefox],
]) {
  describe(name, () => {
    let driver;
    let server;
    let report;
    before(async () => {
      server = await startFixtureServer();
      server.setPage('cases.html', PAGE);
      driver = await launch();
      const page = await driver.newPage(server.url('cases.html'));
      report = await checkTextContrast(page);
    });
    after(async () => {
      await driver?.close();
      await server?.close();
    });

    test('texts under 4.5:1 or 12 px are reported, with what made them fail', () => {
      const failing = report.failures.flatMap((f) => f.texts);
      assert.deepEqual([...failing].sort(), [...FAILING].sort());
      const under = report.failures.find((f) => f.texts.includes('Grey just under the line'));
      assert.equal(under.color, '#777777');
      assert.equal(under.background, '#ffffff');
      assert.ok(under.ratio > 4.4 && under.ratio < 4.5, `ratio ${under.ratio}`);
      const half = report.failures.find((f) => f.texts.includes('White on half black'));
      assert.equal(half.background, '#808080');
      const zoomed = report.failures.find((f) => f.texts.includes('Zoomed to half'));
      assert.equal(zoomed.fontPx, 8);
    });

    test('texts that pass are checked, and texts nobody sees are not', () => {
      for (const text of PASSING) assert.ok(report.texts.includes(text), text);
      for (const text of UNSEEN) assert.ok(!report.texts.includes(text), text);
    });
  });
}
