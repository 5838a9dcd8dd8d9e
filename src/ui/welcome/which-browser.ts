// Which browser's own menus the welcome page describes: pinning an extension and setting its
// shortcut are done differently in Firefox and in Chrome (and Chromium-based browsers).
export type BrowserFamily = 'firefox' | 'chrome';

export const browserFamily = (userAgent = navigator.userAgent): BrowserFamily =>
  /\bFirefox\//.test(userAgent) ? 'firefox' : 'chrome';
