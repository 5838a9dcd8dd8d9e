// Firefox with a dark system theme, for the popup's dark-theme accessibility check: WebDriver
// BiDi cannot emulate prefers-color-scheme, so the browser is started with the preference that
// makes the system theme dark. The shared Firefox driver is reused as it is (its options, such as
// `dist`, pass through); only the launch options Puppeteer receives gain that preference.
import puppeteer from 'puppeteer-core';
import { launchFirefox } from './firefox-driver.mjs';

export async function launchFirefoxDark(options = {}) {
  const launch = puppeteer.launch;
  puppeteer.launch = (options) =>
    launch.call(puppeteer, {
      ...options,
      extraPrefsFirefox: { ...options?.extraPrefsFirefox, 'ui.systemUsesDarkTheme': 1 },
    });
  try {
    return await launchFirefox(options);
  } finally {
    puppeteer.launch = launch;
  }
}
