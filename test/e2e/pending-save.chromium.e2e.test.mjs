// A highlight whose save is still pending, in real Chromium.
import { launchChromium } from './support/chromium-driver.mjs';
import { pendingSaveScenarios } from './support/pending-save-scenarios.mjs';

pendingSaveScenarios(launchChromium);
