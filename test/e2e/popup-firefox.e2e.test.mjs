// The popup scenarios in real Firefox; the dark-theme check runs in a second, dark Firefox.
import { launchFirefox } from './support/firefox-driver.mjs';
import { launchFirefoxDark } from './support/popup-firefox-dark.mjs';
import { popupScenarios } from './support/popup-scenarios.mjs';

popupScenarios(launchFirefox, { launchDark: launchFirefoxDark });
