// Highlighting on the page, in real Chromium.
import { launchChromium } from './support/chromium-driver.mjs';
import { highlightingScenarios } from './support/highlighting-scenarios.mjs';

highlightingScenarios(launchChromium);
