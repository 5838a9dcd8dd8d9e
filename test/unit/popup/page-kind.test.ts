import { describe, expect, it } from 'vitest';
import { pageKind } from '../../../src/ui/popup/page-kind';

const OWN = 'chrome-extension://abcdefghijklmnop/';

describe('pageKind', () => {
  it.each([
    ['https://lethain.com/staff-archetypes/', 'web'],
    ['http://127.0.0.1:8080/article.html', 'web'],
    [`${OWN}welcome.html`, 'trailmark'],
    [`${OWN}review.html#goals`, 'trailmark'],
    ['about:blank', 'browser'],
    ['about:addons', 'browser'],
    ['chrome://extensions/', 'browser'],
    ['moz-extension://another-extension/page.html', 'browser'],
    ['file:///home/me/notes.html', 'browser'],
    ['view-source:https://example.com/', 'browser'],
    ['https://chromewebstore.google.com/detail/x/abc', 'store'],
    ['https://chrome.google.com/webstore/detail/abc', 'store'],
    ['https://chrome.google.com/search', 'web'],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', 'store'],
    ['not a url', 'browser'],
  ])('%s is a %s page', (url, kind) => {
    expect(pageKind(url, OWN)).toBe(kind);
  });
});
