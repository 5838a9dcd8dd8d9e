// The foundation scenarios in real Firefox.
import { launchFirefox } from './support/firefox-driver.mjs';
import { foundationScenarios } from './support/scenarios.mjs';

foundationScenarios(launchFirefox);
