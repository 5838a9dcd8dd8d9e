// The per-browser manifests, written from the real manifest.json without a build: each browser
// gets its own background form and none of the other's keys, and both keep what the reader uses.
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json';
import pkg from '../../../package.json';
import { browserManifests } from '../../../scripts/manifests.mjs';

const { chrome, firefox } = browserManifests(structuredClone(manifest), pkg.version);

describe('the Chrome manifest', () => {
  it('runs the background as a service worker', () => {
    expect(chrome.background).toEqual({ service_worker: 'background.js', type: 'module' });
  });

  it('carries no Firefox settings', () => {
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });

  it('names the oldest Chrome the README supports', () => {
    expect(chrome.minimum_chrome_version).toBe('116');
  });
});

describe('the Firefox manifest', () => {
  it('runs the background as a script', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'], type: 'module' });
  });

  it('has the gecko id and data-collection key', () => {
    const gecko = firefox.browser_specific_settings.gecko;
    expect(gecko.id).toMatch(/@/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('carries no Chrome-only keys', () => {
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
  });
});

describe.each([
  ['Chrome', chrome],
  ['Firefox', firefox],
])('both manifests: %s', (_name, written) => {
  it('take the version from package.json', () => {
    expect(written.version).toBe(pkg.version);
  });

  it('bind Alt+Shift+H to highlighting', () => {
    expect(written.commands['highlight-selection'].suggested_key.default).toBe('Alt+Shift+H');
  });

  it('ask only for the permissions the code uses', () => {
    // Host permissions show web tabs' addresses, but Firefox hides those of Trailmark's own pages
    // (the popup over the welcome page) without `tabs`; `activeTab` and `scripting` go unused.
    expect(written.permissions).toEqual([
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'tabs',
      'alarms',
    ]);
    expect(written.optional_permissions).toEqual(['downloads']);
    expect(written.host_permissions).toEqual(['http://*/*', 'https://*/*']);
  });

  it('inject the content script on web pages, with no stylesheet of fixed names', () => {
    expect(written.content_scripts).toEqual([
      expect.objectContaining({ matches: ['http://*/*', 'https://*/*'], js: ['content.js'] }),
    ]);
    expect(written.content_scripts[0].css).toBeUndefined();
  });
});

it('stamps the given version and leaves the top-level manifest as it was', () => {
  const input = structuredClone(manifest);
  const written = browserManifests(input, '9.9.9');
  expect([written.chrome.version, written.firefox.version]).toEqual(['9.9.9', '9.9.9']);
  expect(input).toEqual(manifest);
});
