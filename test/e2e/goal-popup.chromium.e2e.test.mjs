// Where I am now from the popup, private tags kept out of every export, and how the goal form,
// card and goal view look in light and dark, in real Chromium.
import { launchChromium } from './support/chromium-driver.mjs';
import { goalPopupScenarios } from './support/goal-popup-scenarios.mjs';

goalPopupScenarios(launchChromium);
