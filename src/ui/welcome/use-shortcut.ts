// The highlight shortcut as the browser has it bound right now, which may differ from the one
// Trailmark suggests: the reader may have changed it, or another extension may hold the keys.
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import type { BrowserFamily } from './which-browser';

export const HIGHLIGHT_COMMAND = 'highlight-selection';

/** undefined while asking; '' when no keys are bound. */
export function useShortcut(): string | undefined {
  const [shortcut, setShortcut] = useState<string | undefined>(undefined);
  useEffect(() => {
    void browser.commands.getAll().then(
      (commands) => setShortcut(commands.find((c) => c.name === HIGHLIGHT_COMMAND)?.shortcut ?? ''),
      () => setShortcut(''),
    );
  }, []);
  return shortcut;
}

/** Firefox (137+) opens its shortcut settings itself; Chrome has a page for them. */
export async function openShortcutSettings(family: BrowserFamily): Promise<void> {
  const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
  if (family === 'firefox' && commands.openShortcutSettings) {
    await commands.openShortcutSettings();
    return;
  }
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/** Whether this browser can take the reader to its shortcut settings from a button. */
export const canOpenShortcutSettings = (family: BrowserFamily): boolean =>
  family === 'chrome' ||
  typeof (browser.commands as { openShortcutSettings?: unknown }).openShortcutSettings ===
    'function';
