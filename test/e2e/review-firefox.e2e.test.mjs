// The review page in real Firefox. Puppeteer over WebDriver BiDi does not hand downloads to the
// test, so what the page saves is read from the Blob it creates for the download link.
import { launchFirefox } from './support/firefox-driver.mjs';
import { reviewScenarios } from './support/review-scenarios.mjs';

// After the suite's earlier tests, Firefox under WebDriver BiDi no longer gives this tab keyboard
// focus (document.activeElement stays empty even after element.focus()), while the same walk
// passes in a fresh browser: the Tab walk gets a browser of its own here.
reviewScenarios(launchFirefox, { focusWalkAlone: true });
