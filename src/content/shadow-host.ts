// A host element for Trailmark's in-page UI: a closed shadow root, so page scripts cannot read
// what it shows, with styles set through the CSSOM as !important, so neither page CSS such as
// `* { all: unset }` nor a strict style-src CSP can reshape or block it.
import { names } from './page-names';

export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
}

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  'z-index': '2147483647',
  display: 'block',
  margin: '0',
  padding: '0',
  border: '0',
  width: 'auto',
  height: 'auto',
};

function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Where a content script may not adopt its own sheets, a style element inside the closed
    // root is the next best and still invisible to the page.
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

/** Each host's element name is this install's own (see page-names). */
export type HostRole = 'toolbar' | 'tip' | 'status';

export function createShadowHost(role: HostRole, css: string): ShadowHost {
  const host = document.createElement(names()[role]);
  for (const [property, value] of Object.entries(HOST_STYLE)) {
    host.style.setProperty(property, value, 'important');
  }
  const root = host.attachShadow({ mode: 'closed' });
  adoptStyles(root, css);
  return { host, root };
}

export function placeHost(host: HTMLElement, left: number, top: number): void {
  host.style.setProperty('left', `${Math.round(left)}px`, 'important');
  host.style.setProperty('top', `${Math.round(top)}px`, 'important');
  if (!host.isConnected) document.documentElement.append(host);
}
