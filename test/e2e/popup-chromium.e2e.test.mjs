// The popup scenarios in real Chromium.
import { launchChromium } from './support/chromium-driver.mjs';
import { popupScenarios } from './support/popup-scenarios.mjs';

popupScenarios(launchChromium);
