// Turns the one top-level manifest.json into one manifest per browser. Kept pure (no files) so a
// unit test can prove which keys reach which browser without running a build: each browser
// warns about keys that belong to the other, on every load.

/** Top-level keys only Chrome reads. */
const CHROME_ONLY = ['minimum_chrome_version'];
/** Top-level keys only Firefox reads. */
const FIREFOX_ONLY = ['browser_specific_settings'];

const without = (object, keys) =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

/**
 * @param {Record<string, any>} manifest the parsed top-level manifest.json
 * @param {string} version from package.json, the one place the version is kept
 * @returns {{ chrome: Record<string, any>, firefox: Record<string, any> }}
 */
export function browserManifests(manifest, version) {
  const shared = { ...manifest, version };
  return {
    // Chrome runs the background as a service worker; `background.scripts` is Firefox's form.
    chrome: {
      ...without(shared, FIREFOX_ONLY),
      background: without(manifest.background, ['scripts']),
    },
    // Firefox has no extension service workers: the same file runs as a background script.
    firefox: {
      ...without(shared, CHROME_ONLY),
      background: without(manifest.background, ['service_worker']),
    },
  };
}
