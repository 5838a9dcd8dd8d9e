// The review page in real Firefox. Puppeteer over WebDriver BiDi does not hand downloads to the
// test, so what the page saves is read from the Blob it creates for the download link.
import { launchFirefox } from './support/firefox-driver.mjs';
import { reviewScenarios } from './support/review-scenarios.mjs';

// After the suite's earlier tests, Firefox under WebDriver BiDi no longer gives this tab keyboard
// focus (document.activeElement stays empty even after element.focus(); the same walk passes when
// run alone), so the Tab walk is checked in Chromium, and Firefox's keyboard walk in the popup suite.
reviewScenarios(launchFirefox, {
  noFocusWalk: 'Firefox under BiDi does not give this tab keyboard focus late in the suite',
});
