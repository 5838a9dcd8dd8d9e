// What `npm start` decides on machines it cannot see: no browser, root, no screen, branded
// Chrome, browsers on PATH. Nothing is launched; the machine is a table of files and variables.
import { describe, expect, it } from 'vitest';
import { planStart } from '../../../scripts/start-plan.mjs';

const DIST = { chrome: '/build/dist/chrome', firefox: '/build/dist/firefox' };

/** A Linux desktop with exactly the given files, unless a test says otherwise. */
function machine(
  files: string[],
  overrides: { env?: Record<string, string>; isRoot?: boolean } = {},
) {
  const present = new Set(files);
  return {
    platform: 'linux',
    env: { DISPLAY: ':0', PATH: '/usr/local/bin:/usr/bin', ...overrides.env },
    isRoot: overrides.isRoot ?? false,
    exists: (file: string) => present.has(file),
    dist: DIST,
    profile: '/tmp/trailmark-start-test',
    webExt: '/build/node_modules/.bin/web-ext',
  };
}

describe('npm start', () => {
  it('names the apt command to install a browser when none is found', () => {
    const plan = planStart(machine([]));
    expect(plan.action).toBe('explain');
    expect(plan.message).toContain('apt-get install -y chromium');
    expect(plan.message).toContain('apt-get install -y firefox-esr');
    expect(plan.message).toContain(DIST.chrome);
  });

  it('opens Chromium with the build loaded in a throw-away profile', () => {
    const plan = planStart(machine(['/usr/bin/chromium']));
    expect(plan).toMatchObject({
      action: 'launch',
      browser: 'chromium',
      command: '/usr/bin/chromium',
    });
    if (plan.action !== 'launch') return;
    expect(plan.args).toEqual(
      expect.arrayContaining([
        '--user-data-dir=/tmp/trailmark-start-test',
        `--load-extension=${DIST.chrome}`,
        `--disable-extensions-except=${DIST.chrome}`,
      ]),
    );
    expect(plan.args).not.toContain('--no-sandbox');
  });

  it('turns the sandbox off as root, where Chromium would not start otherwise', () => {
    const plan = planStart(machine(['/usr/bin/chromium'], { isRoot: true }));
    expect(plan.action === 'launch' && plan.args).toContain('--no-sandbox');
  });

  it.each([
    ['neither variable', {}],
    ['empty variables', { DISPLAY: '', WAYLAND_DISPLAY: '' }],
  ])('says a graphical session is needed on Linux with %s', (_name, display) => {
    const m = machine(['/usr/bin/chromium']);
    const plan = planStart({ ...m, env: { PATH: m.env.PATH, ...display } });
    expect(plan.action).toBe('explain');
    expect(plan.message).toMatch(/graphical session/);
    expect(plan.message).toContain('chrome://extensions');
    expect(plan.message).toContain(`${DIST.firefox}/manifest.json`);
  });

  it('opens a browser on Wayland, and on macOS without DISPLAY', () => {
    const m = machine(['/usr/bin/chromium']);
    expect(planStart({ ...m, env: { WAYLAND_DISPLAY: 'wayland-0' } }).action).toBe('launch');
    expect(planStart({ ...m, platform: 'darwin', env: {} }).action).toBe('launch');
  });

  it('finds browsers on PATH', () => {
    expect(planStart(machine(['/usr/local/bin/chromium-browser']))).toMatchObject({
      command: '/usr/local/bin/chromium-browser',
    });
    const firefox = planStart(machine(['/usr/local/bin/firefox-esr']));
    expect(firefox).toMatchObject({
      browser: 'firefox',
      command: '/build/node_modules/.bin/web-ext',
    });
    expect(firefox.action === 'launch' && firefox.args).toContain('/usr/local/bin/firefox-esr');
  });

  it('prefers CHROMIUM_PATH and FIREFOX_PATH to anything it finds', () => {
    const files = ['/usr/bin/chromium', '/opt/chromium/chrome', '/opt/ff/firefox'];
    const chromium = planStart(machine(files, { env: { CHROMIUM_PATH: '/opt/chromium/chrome' } }));
    expect(chromium).toMatchObject({ command: '/opt/chromium/chrome' });
    const firefox = planStart(
      machine(['/opt/ff/firefox'], { env: { FIREFOX_PATH: '/opt/ff/firefox' } }),
    );
    expect(firefox.action === 'launch' && firefox.args).toContain('/opt/ff/firefox');
  });

  it('never opens branded Chrome, which ignores --load-extension: Firefox instead', () => {
    const plan = planStart(machine(['/usr/bin/google-chrome', '/usr/bin/firefox']));
    expect(plan).toMatchObject({ action: 'launch', browser: 'firefox' });
    expect(plan.message).toMatch(/137/);
  });

  it('with only branded Chrome, says how to load dist/chrome by hand', () => {
    const plan = planStart(
      machine(['/usr/bin/google-chrome'], { env: { CHROMIUM_PATH: '/usr/bin/google-chrome' } }),
    );
    expect(plan.action).toBe('explain');
    expect(plan.message).toMatch(/ignores --load-extension/);
    expect(plan.message).toContain(`"Load unpacked" and pick ${DIST.chrome}`);
  });
});
