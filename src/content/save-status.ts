// A lasting word on highlights that are drawn but not saved yet: a small pill in the corner, in
// its own closed shadow root, that stays until every one of them is saved. A message in the
// toolbar would vanish with the next selection; this one cannot be missed.
import { createShadowHost } from './shadow-host';

const PILL_CSS = `.pill { font: 13px/1.35 system-ui, sans-serif; padding: 6px 12px; border-radius: 999px;
  background: #7c2d12; color: #fff7ed; box-shadow: 0 2px 10px rgb(0 0 0 / 35%); max-width: 360px; }`;

export interface SaveStatus {
  /** A save failed for now; it will be tried again. */
  waiting(id: string, reason: string): void;
  /** Saved at last (or given up by the reader). */
  settled(id: string): void;
  readonly pending: number;
}

const sentence = (count: number, reason: string): string =>
  `${count === 1 ? '1 highlight is' : `${count} highlights are`} not saved yet — ` +
  `Trailmark keeps trying. Keep this tab open. (${reason})`;

export function createSaveStatus(): SaveStatus {
  const waiting = new Map<string, string>();
  let pill: { host: HTMLElement; text: HTMLElement } | null = null;

  function build() {
    const { host, root } = createShadowHost('status', PILL_CSS);
    for (const [property, value] of Object.entries({
      'pointer-events': 'none',
      right: '16px',
      bottom: '16px',
    })) {
      host.style.setProperty(property, value, 'important');
    }
    const text = document.createElement('div');
    text.className = 'pill';
    text.setAttribute('role', 'status');
    root.append(text);
    return { host, text };
  }

  function render(): void {
    const reasons = [...waiting.values()];
    if (reasons.length === 0) {
      pill?.host.remove();
      return;
    }
    pill ??= build();
    pill.text.textContent = sentence(reasons.length, reasons[reasons.length - 1] ?? '');
    if (!pill.host.isConnected) document.documentElement.append(pill.host);
  }

  return {
    waiting(id, reason) {
      waiting.set(id, reason);
      render();
    },
    settled(id) {
      if (waiting.delete(id)) render();
    },
    get pending() {
      return waiting.size;
    },
  };
}
