// A host element for Trailmark's in-page UI: a closed shadow root, so page scripts cannot read
// what it shows, with styles set through the CSSOM as !important, so neither page CSS such as
// `* { all: unset }` nor a strict style-src CSP can reshape or block it. The host carries no
// font or colour of its own: the surface inside the root declares them all.
import { names } from './page-names';

export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
}

/** Only a test build opens the roots, so tests can read computed styles inside them. */
declare const __TRAILMARK_OPEN_ROOTS__: boolean;
const ROOT_MODE: ShadowRootMode =
  typeof __TRAILMARK_OPEN_ROOTS__ !== 'undefined' && __TRAILMARK_OPEN_ROOTS__ ? 'open' : 'closed';

export const HOST_Z_INDEX = '2147483647';

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  'z-index': HOST_Z_INDEX,
  display: 'block',
  margin: '0',
  padding: '0',
  border: '0',
  width: 'auto',
  height: 'auto',
  // Same paint as the page never gets: a page's `filter`, `transform` or `zoom` on the host
  // itself is overridden here; on <html> it is undone below or refused by the click guard.
  filter: 'none',
  transform: 'none',
  'mix-blend-mode': 'normal',
  visibility: 'visible',
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

/** Trailmark's own hosts, so one never counts as page content over another. */
const ownHosts = new WeakSet<Element>();
export const isOwnHost = (element: Element): boolean => ownHosts.has(element);

/** Whether anything but Trailmark's own hosts follows this one among <html>'s children. */
export function followedByPage(host: Element): boolean {
  for (let next = host.nextElementSibling; next; next = next.nextElementSibling) {
    if (!ownHosts.has(next)) return true;
  }
  return false;
}

/** Each host's element name is this install's own (see page-names). */
export type HostRole = 'toolbar' | 'tip' | 'status';

export function createShadowHost(role: HostRole, css: string): ShadowHost {
  const host = document.createElement(names()[role]);
  ownHosts.add(host);
  for (const [property, value] of Object.entries(HOST_STYLE)) {
    host.style.setProperty(property, value, 'important');
  }
  const root = host.attachShadow({ mode: ROOT_MODE });
  adoptStyles(root, css);
  return { host, root };
}

type Zoomed = Element & { currentCSSZoom?: number };

/** The page's `zoom` on <html> would scale the UI: the host takes the inverse. */
function undoPageZoom(host: HTMLElement): void {
  const zoom = (document.documentElement as Zoomed).currentCSSZoom ?? 1;
  const inverse = zoom > 0 && Number.isFinite(zoom) ? 1 / zoom : 1;
  host.style.setProperty('zoom', String(inverse), 'important');
}

export function placeHost(host: HTMLElement, left: number, top: number): void {
  undoPageZoom(host);
  host.style.setProperty('left', `${Math.round(left)}px`, 'important');
  host.style.setProperty('top', `${Math.round(top)}px`, 'important');
  if (!host.isConnected) document.documentElement.append(host);
}
