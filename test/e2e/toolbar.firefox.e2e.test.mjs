// The toolbar and the hover tip as a reader sees and uses them, in real Firefox.
import { launchFirefox } from './support/firefox-driver.mjs';
import { toolbarScenarios } from './support/toolbar-scenarios.mjs';

toolbarScenarios(launchFirefox);
