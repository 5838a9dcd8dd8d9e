// The popup scenarios in real Firefox.
import { launchFirefox } from './support/firefox-driver.mjs';
import { popupScenarios } from './support/popup-scenarios.mjs';

popupScenarios(launchFirefox);
