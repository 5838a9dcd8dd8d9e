// How the extension pages look, in real Firefox.
import { launchFirefox } from './support/firefox-driver.mjs';
import { pagesLookScenarios } from './support/pages-look-scenarios.mjs';

pagesLookScenarios(launchFirefox);
