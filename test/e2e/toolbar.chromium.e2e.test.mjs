// The toolbar and the hover tip as a reader sees and uses them, in real Chromium.
import { launchChromium } from './support/chromium-driver.mjs';
import { toolbarScenarios } from './support/toolbar-scenarios.mjs';

toolbarScenarios(launchChromium);
