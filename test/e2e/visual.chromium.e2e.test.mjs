// What a person sees, in real Chromium: text size and contrast on every surface, axe-core on
// every extension page, light and dark (the scheme is emulated per page).
import { launchChromium } from './support/chromium-driver.mjs';
import { visualScenarios } from './support/visual-scenarios.mjs';

visualScenarios(launchChromium);
