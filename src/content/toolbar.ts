// The small toolbar that appears beside a selection. It lives in a closed shadow root attached
// outside <body>, so page styles cannot reach it and it adds nothing the page's text includes.
import { createShadowHost, placeHost } from './shadow-host';

const CSS = `
:host { font: 13px/1.2 system-ui, sans-serif; }
.bar { display: flex; gap: 4px; align-items: center; padding: 4px; border-radius: 8px;
  background: #1f2937; color: #f9fafb; box-shadow: 0 4px 14px rgb(0 0 0 / 30%); }
button { all: unset; box-sizing: border-box; height: 28px; min-width: 28px; padding: 0 10px;
  border-radius: 6px; cursor: pointer; color: inherit; display: inline-flex; align-items: center;
  gap: 6px; }
button:hover { background: #374151; }
button:focus-visible { outline: 2px solid #facc15; outline-offset: 1px; }
.swatch { width: 12px; height: 12px; border-radius: 3px; background: #ffe45c; }
.status { padding: 0 8px; color: #fca5a5; }
.status:empty { display: none; }
`;

export interface Toolbar {
  showFor(range: Range): void;
  hide(): void;
  showStatus(message: string): void;
  readonly visible: boolean;
}

const GAP = 8;
const HEIGHT = 36;

function position(range: Range): { left: number; top: number } {
  const rects = range.getClientRects();
  const rect = rects[rects.length - 1] ?? range.getBoundingClientRect();
  const first = rects[0] ?? rect;
  const above = first.top - HEIGHT - GAP;
  const top = above >= 0 ? above : rect.bottom + GAP;
  const left = Math.min(Math.max(first.left, GAP), Math.max(GAP, innerWidth - 200));
  return { left, top };
}

function button(label: string, onActivate: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.setAttribute('aria-label', label);
  // Keep the page's selection: a mousedown on the toolbar would otherwise collapse it.
  element.addEventListener('mousedown', (event) => event.preventDefault());
  element.addEventListener('click', (event) => {
    event.stopPropagation();
    onActivate();
  });
  return element;
}

export function createToolbar(actions: { highlight: () => void }): Toolbar {
  const { host, root } = createShadowHost('trailmark-toolbar', CSS);
  const bar = document.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Trailmark');
  const highlight = button('Highlight', actions.highlight);
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  highlight.append(swatch, 'Highlight');
  const status = document.createElement('span');
  status.className = 'status';
  status.setAttribute('role', 'status');
  bar.append(highlight, status);
  root.append(bar);

  return {
    showFor(range) {
      status.textContent = '';
      const { left, top } = position(range);
      placeHost(host, left, top);
    },
    hide() {
      host.remove();
    },
    showStatus(message) {
      status.textContent = message;
    },
    get visible() {
      return host.isConnected;
    },
  };
}
