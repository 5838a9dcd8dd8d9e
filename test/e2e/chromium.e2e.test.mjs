// The foundation scenarios in real Chromium.
import { launchChromium } from './support/chromium-driver.mjs';
import { foundationScenarios } from './support/scenarios.mjs';

foundationScenarios(launchChromium);
