// Importing from another highlighter, in real Firefox.
import { launchFirefox } from './support/firefox-driver.mjs';
import { foreignImportScenarios } from './support/foreign-import-scenarios.mjs';

foreignImportScenarios(launchFirefox);
