// The review page in real Firefox. Puppeteer over WebDriver BiDi does not hand downloads to the
// test, so what the page saves is read from the Blob it creates for the download link.
import { launchFirefox } from './support/firefox-driver.mjs';
import { reviewScenarios } from './support/review-scenarios.mjs';

reviewScenarios(launchFirefox);
