// What a person sees, in real Firefox: text size and contrast on every surface, axe-core on
// every extension page, light and dark. WebDriver BiDi cannot emulate the colour scheme here, so
// the dark run starts Firefox with a dark system theme (ui.systemUsesDarkTheme).
import { launchFirefox } from './support/firefox-driver.mjs';
import { launchFirefoxDark } from './support/popup-firefox-dark.mjs';
import { visualScenarios } from './support/visual-scenarios.mjs';

visualScenarios((scheme, options) =>
  scheme === 'dark' ? launchFirefoxDark(options) : launchFirefox(options),
);
