// One way to show a page in the reader's light or dark scheme, in both browsers: Chromium
// emulates it per page (Playwright), Firefox switches its system theme at run time (WebDriver
// BiDi cannot emulate it), which a second browser started dark used to do at the cost of a start.
import { waitFor } from './page-actions.mjs';

const darkNow = (page) => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);

/** Puts `page` in `scheme` and returns once the page itself reports that scheme. */
export async function useScheme(driver, page, scheme) {
  await driver.useColorScheme(page, scheme);
  const dark = scheme === 'dark';
  await waitFor(async () => (await darkNow(page)) === dark, {
    what: `the page to be in the ${scheme} scheme`,
  });
}
