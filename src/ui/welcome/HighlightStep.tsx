// Step 2: highlight the sample passage, with the shortcut as the browser has it bound now, and
// what to do when no keys are bound to it.
import { useState } from 'preact/hooks';
import { canOpenShortcutSettings, openShortcutSettings, useShortcut } from './use-shortcut';
import type { BrowserFamily } from './which-browser';

function SettingsButton({ family, label }: { family: BrowserFamily; label: string }) {
  const [failure, fail] = useState('');
  if (!canOpenShortcutSettings(family)) return null;
  const open = () =>
    void openShortcutSettings(family).catch(() =>
      fail('The browser did not open its shortcut settings.'),
    );
  return (
    <>
      {' '}
      <button type="button" class="link-button" onClick={open}>
        {label}
      </button>
      {failure && <span role="alert"> {failure}</span>}
    </>
  );
}

const MANUAL: Record<BrowserFamily, string> = {
  firefox: 'In Firefox: Add-ons and themes → the gear → Manage Extension Shortcuts.',
  chrome: 'In Chrome: Extensions → Keyboard shortcuts.',
};

function ShortcutLine({ family }: { family: BrowserFamily }) {
  const shortcut = useShortcut();
  if (shortcut === undefined) return <p class="shortcut" aria-busy="true" />;
  if (shortcut === '') {
    return (
      <p class="shortcut" data-shortcut="">
        No keyboard shortcut is set for highlighting — another extension may hold the keys. Until
        you choose one, right-click the selection and pick <strong>Highlight with Trailmark</strong>
        .
        <SettingsButton family={family} label="Choose a shortcut" />
        {!canOpenShortcutSettings(family) && <> {MANUAL[family]}</>}
      </p>
    );
  }
  return (
    <p class="shortcut" data-shortcut={shortcut}>
      Without the mouse: select, then press <kbd data-testid="shortcut">{shortcut}</kbd>.
      <SettingsButton family={family} label="Change it" />
    </p>
  );
}

export function HighlightStep({ family }: { family: BrowserFamily }) {
  return (
    <>
      <h2 id="step-highlight">Highlight a passage</h2>
      <p>
        Select a sentence below, then choose <strong>Highlight</strong> in the small toolbar that
        appears beside it.
      </p>
      <ShortcutLine family={family} />
      <article class="sample" id="sample" aria-label="Sample passage">
        <p>
          A staff engineer’s reach is measured less by the code they write than by the decisions
          they make easier for everyone else. Some lead a team’s technical direction, some hold the
          architecture of a whole area in their head, some dive into the problem nobody else can
          crack, and some extend a senior leader’s attention across the organisation.
        </p>
        <p>
          Knowing which of these you do today, and which you want to grow into, turns scattered
          reading into a plan: every article becomes evidence of where you are going.
        </p>
      </article>
    </>
  );
}
