// A Chromium profile prepared the way a reader's would be after they said yes: the extension's
// optional permissions already granted, and downloads going to a folder the test reads. A
// headless browser cannot answer the permission prompt, so the grant is written into the
// profile's preferences between a first start (which installs the extension there) and the
// second one the test runs in.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from './chromium-driver.mjs';
import { DIST_CHROME } from './paths.mjs';

async function editPreferences(profile, edit) {
  const file = path.join(profile, 'Default', 'Preferences');
  const preferences = JSON.parse(await readFile(file, 'utf8'));
  edit(preferences);
  await writeFile(file, JSON.stringify(preferences));
}

function grant(preferences, permissions) {
  const settings = Object.values(preferences.extensions?.settings ?? {}).find(
    (entry) => entry.path === DIST_CHROME,
  );
  if (!settings) throw new Error('the extension is not in the profile after its first start');
  for (const key of ['granted_permissions', 'active_permissions']) {
    settings[key] ??= { api: [] };
    settings[key].api = [...new Set([...(settings[key].api ?? []), ...permissions])];
  }
}

/** Starts Chromium with `permissions` granted and downloads saved under `downloadsDir`. */
export async function launchChromiumGranted({ permissions, downloadsDir }) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'trailmark-e2e-'));
  const first = await launchChromium({ profile, keepProfile: true });
  await first.close();
  await editPreferences(profile, (preferences) => {
    grant(preferences, permissions);
    preferences.download = { default_directory: downloadsDir, prompt_for_download: false };
  });
  const driver = await launchChromium({ profile });
  // Playwright names every download by a random id in a folder of its own; let the browser's
  // own download settings (the folder above, the extension's file name) apply instead.
  const cdp = await driver.context.newCDPSession(await driver.newPage());
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  await cdp.detach();
  return driver;
}
