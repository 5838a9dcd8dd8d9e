// How the extension pages look, in real Chromium.
import { launchChromium } from './support/chromium-driver.mjs';
import { pagesLookScenarios } from './support/pages-look-scenarios.mjs';

pagesLookScenarios(launchChromium);
