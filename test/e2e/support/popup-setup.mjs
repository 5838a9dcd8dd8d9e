// Setting the scene for popup tests, written once for both drivers: an article highlighted with
// the mouse, and a goal created from the popup's Goals tab.
import {
  clickHighlightButton,
  drawnHighlights,
  selectPhrase,
  toolbarBox,
  waitFor,
} from './page-actions.mjs';
import { click, typeInto } from './popup-actions.mjs';
import { watchToolbar, withTimeline } from './toolbar-timeline.mjs';

/** Whether the in-page toolbar sits just above or below the current selection. */
async function toolbarNearSelection(page) {
  const box = await toolbarBox(page);
  const selection = await page.evaluate(() => {
    if (getSelection().rangeCount === 0) return null;
    const r = getSelection().getRangeAt(0).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });
  return (
    box && selection && box.top < selection.bottom + 80 && box.top + box.height > selection.top - 80
  );
}

/** Serves `html` as `name`, opens it and highlights each phrase (selector → phrase) with the mouse. */
export async function highlightPhrases(driver, server, name, html, phrases) {
  server.setPage(name, html);
  const url = server.url(name);
  const page = await driver.newPage(url);
  for (const [selector, phrase] of Object.entries(phrases)) {
    const count = (await drawnHighlights(page)).length;
    // Mid-screen: a drag that starts at the very top edge scrolls the page as it selects.
    await page.evaluate(
      (s) => document.querySelector(s).scrollIntoView({ block: 'center' }),
      selector,
    );
    await watchToolbar(page);
    await selectPhrase(page, selector, phrase);
    // The toolbar of the last highlight may still be open elsewhere: wait for this one's.
    await waitFor(() => toolbarNearSelection(page), { what: 'the toolbar by the selection' });
    await clickHighlightButton(page);
    await waitFor(async () => (await drawnHighlights(page)).length === count + 1, {
      what: `the highlight of "${phrase}"`,
    }).catch(async (error) => {
      throw await withTimeline(page, error);
    });
  }
  return { url, page };
}

/** Creates a goal from the popup's Goals tab, with a target mix (archetype id → share). */
export async function createGoal(popup, title, mix) {
  await click(popup, '[role="tab"]', 'Goals');
  await click(popup, 'button', 'New goal');
  await typeInto(popup, 'input[name="title"]', '', title);
  for (const [id, share] of Object.entries(mix)) {
    await typeInto(popup, `input[name="mix-${id}"]`, '', String(share));
  }
  await click(popup, 'button[type="submit"]', 'Create goal');
}
