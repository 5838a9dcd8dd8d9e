// What a person sees, in real Firefox: text size and contrast on every surface, axe-core on
// every extension page, light and dark (the browser's system theme switched at run time).
import { launchFirefox } from './support/firefox-driver.mjs';
import { visualScenarios } from './support/visual-scenarios.mjs';

visualScenarios(launchFirefox);
