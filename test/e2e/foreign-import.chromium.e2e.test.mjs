// Importing from another highlighter, in real Chromium.
import { launchChromium } from './support/chromium-driver.mjs';
import { foreignImportScenarios } from './support/foreign-import-scenarios.mjs';

foreignImportScenarios(launchChromium);
