// Importing from another highlighter, in real Firefox; the dark theme in a second, dark Firefox.
import { launchFirefox } from './support/firefox-driver.mjs';
import { launchFirefoxDark } from './support/popup-firefox-dark.mjs';
import { foreignImportScenarios } from './support/foreign-import-scenarios.mjs';

foreignImportScenarios(launchFirefox, { launchDark: launchFirefoxDark });
