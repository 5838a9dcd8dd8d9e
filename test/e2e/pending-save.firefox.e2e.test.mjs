// A highlight whose save is still pending, in real Firefox.
import { launchFirefox } from './support/firefox-driver.mjs';
import { pendingSaveScenarios } from './support/pending-save-scenarios.mjs';

pendingSaveScenarios(launchFirefox);
