// Where I am now from the popup, private tags kept out of every export, and how the goal form,
// card and goal view look in light and dark, in real Firefox.
import { launchFirefox } from './support/firefox-driver.mjs';
import { goalPopupScenarios } from './support/goal-popup-scenarios.mjs';

goalPopupScenarios(launchFirefox);
