// How the extension pages look, in real Firefox; the dark theme runs in a second, dark Firefox.
import { launchFirefox } from './support/firefox-driver.mjs';
import { launchFirefoxDark } from './support/popup-firefox-dark.mjs';
import { pagesLookScenarios } from './support/pages-look-scenarios.mjs';

pagesLookScenarios(launchFirefox, { launchDark: launchFirefoxDark });
