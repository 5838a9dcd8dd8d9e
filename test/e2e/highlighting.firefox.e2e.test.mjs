// Highlighting on the page, in real Firefox.
import { launchFirefox } from './support/firefox-driver.mjs';
import { highlightingScenarios } from './support/highlighting-scenarios.mjs';

highlightingScenarios(launchFirefox);
