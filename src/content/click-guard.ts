// Whether a pointer click on the toolbar is one the reader meant: a page can hide the toolbar
// (opacity, filters, a decoy or a top-layer popover over it, pointer-events: none so clicks pass
// through) or slide it under the pointer, so that a real click acts on something the reader never
// saw. A click counts only when the toolbar has settled where it is and nothing could hide it.
import { HOST_Z_INDEX, isOwnHost } from './shadow-host';

/** The refusal for a toolbar that had just appeared or moved. */
export const MOVED = 'it had just moved';

/** How long the toolbar must stay put before a click on it counts; it fades in meanwhile. */
export const SETTLE_MS = 300;

export interface ClickGuard {
  /**
   * The toolbar was drawn where it is now; if it `moved` there, it fades in and clicks wait for
   * it to settle.
   */
  placed(moved: boolean): void;
  /** Why this click must be refused, or null if it may act. */
  refusal(event: MouseEvent): string | null;
}

const overlaps = (a: DOMRect, b: DOMRect): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const containsPoint = (r: DOMRect, x: number, y: number): boolean =>
  x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;

/** Paints nothing a reader could see. */
function invisible(element: Element): boolean {
  const style = getComputedStyle(element);
  return style.visibility !== 'visible' || Number(style.opacity) === 0 || style.display === 'none';
}

/** The host and every ancestor up to <html> paint it as it is: opaque, unfiltered, unclipped. */
function hiddenByStyle(host: HTMLElement): boolean {
  // Its own settled opacity, not one on its way elsewhere: a transition or animation running
  // on it (its own fade-in, or one the page started) means it is not yet what the reader sees.
  if (host.style.getPropertyValue('opacity') !== '1') return true;
  if (host.getAnimations().some((animation) => animation.playState === 'running')) return true;
  let opacity = 1;
  for (let node: Element | null = host; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    opacity *= Number(style.opacity);
    if (style.visibility !== 'visible' || style.display === 'none') return true;
    if (style.filter !== 'none' || style.mixBlendMode !== 'normal') return true;
    if (style.clipPath !== 'none' || (style.getPropertyValue('mask-image') || 'none') !== 'none')
      return true;
    if (node === host && (style.transform !== 'none' || style.zIndex !== HOST_Z_INDEX)) return true;
    if (node !== host && style.transform !== 'none') return true;
  }
  return opacity < 0.999;
}

const TOP_LAYER = [':popover-open', 'dialog[open]', ':modal', ':fullscreen'];

/** Elements in the top layer paint above any z-index: one over the toolbar hides it. */
function coveredByTopLayer(box: DOMRect): boolean {
  for (const selector of TOP_LAYER) {
    let found: NodeListOf<Element>;
    try {
      found = document.querySelectorAll(selector);
    } catch {
      continue;
    }
    for (const element of found) {
      if (!invisible(element) && overlaps(element.getBoundingClientRect(), box)) return true;
    }
  }
  return false;
}

/** Bounded: a page that piles thousands of elements after the host gets its clicks refused. */
const LATER_LIMIT = 2000;

/**
 * With the top z-index and the last place among <html>'s children, only what comes after the
 * host can paint over it; pointer-events: none would let clicks through, so look at each.
 */
function coveredByLaterContent(host: HTMLElement, x: number, y: number): boolean {
  let seen = 0;
  for (let sibling = host.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    if (isOwnHost(sibling)) continue;
    for (const element of [sibling, ...sibling.querySelectorAll('*')]) {
      seen += 1;
      if (seen > LATER_LIMIT) return true;
      if (containsPoint(element.getBoundingClientRect(), x, y) && !invisible(element)) return true;
    }
  }
  return false;
}

/**
 * From 40 % to opaque over SETTLE_MS from `placedAt`: the reader sees where it landed before it
 * takes clicks. A transition starts on the animation clock, which stands still through a task:
 * placed late in a busy frame (250 ms in), it would start that far back and read fully opaque
 * 50 ms after placing, while clicks still wait. Started at the placing itself, it is opaque only
 * once a click on it counts.
 */
function fadeIn(host: HTMLElement, placedAt: number): void {
  host.style.setProperty('transition', 'none', 'important');
  host.style.setProperty('opacity', '0.4', 'important');
  void getComputedStyle(host).opacity;
  host.style.setProperty('transition', `opacity ${SETTLE_MS}ms ease-out`, 'important');
  host.style.setProperty('opacity', '1', 'important');
  for (const animation of host.getAnimations()) {
    if ((animation as CSSTransition).transitionProperty === 'opacity') {
      animation.startTime = placedAt;
    }
  }
}

/**
 * The fade as fadeIn started it, over half way (the host nine tenths opaque or more): running at
 * its own pace, its timing untouched by the page.
 */
function isOwnFadeNearlyDone(animation: Animation): boolean {
  const timing = animation.effect?.getTiming();
  return (
    (animation as CSSTransition).transitionProperty === 'opacity' &&
    animation.playState === 'running' &&
    Number(animation.currentTime) >= SETTLE_MS / 2 &&
    animation.playbackRate === 1 &&
    timing?.duration === SETTLE_MS &&
    !timing.delay &&
    !timing.endDelay
  );
}

/**
 * Ends the fade once its time is up (the caller made sure it is). The animation clock moves only
 * when a frame is drawn, so a click can land after SETTLE_MS while the fade still reads as running
 * (at 299.99 of 300 ms, seen on a busy machine) though the reader sees the toolbar fully there.
 * A fade the page paused, stretched or rewound is left as it is, and the checks after this refuse
 * it.
 */
function endOwnFade(host: HTMLElement): void {
  for (const animation of host.getAnimations()) {
    if (isOwnFadeNearlyDone(animation)) animation.finish();
  }
}

/** What the browser itself says is under the pointer: the host, first. */
function notOnTop(host: HTMLElement, x: number, y: number): boolean {
  return document.elementsFromPoint(x, y)[0] !== host;
}

export function createClickGuard(host: HTMLElement): ClickGuard {
  let placedAt = -Infinity;
  let placedBox: DOMRect | null = null;

  const moved = (): boolean => {
    const now = host.getBoundingClientRect();
    return (
      !placedBox ||
      Math.abs(now.left - placedBox.left) > 1 ||
      Math.abs(now.top - placedBox.top) > 1 ||
      Math.abs(now.width - placedBox.width) > 1 ||
      Math.abs(now.height - placedBox.height) > 1
    );
  };

  return {
    placed(hasMoved) {
      if (hasMoved) {
        placedAt = performance.now();
        fadeIn(host, placedAt);
      }
      placedBox = host.getBoundingClientRect();
    },
    refusal(event) {
      if (!event.isTrusted) return 'not the reader';
      // Enter or Space on a focused button: focus got there through the reader, not the page.
      if (event.detail === 0) return null;
      const { clientX: x, clientY: y } = event;
      if (performance.now() - placedAt < SETTLE_MS) return MOVED;
      if (!host.isConnected || host.parentElement !== document.documentElement || moved())
        return MOVED;
      endOwnFade(host);
      if (hiddenByStyle(host)) return 'it was not fully visible';
      const box = host.getBoundingClientRect();
      if (coveredByTopLayer(box) || coveredByLaterContent(host, x, y) || notOnTop(host, x, y))
        return 'something covered it';
      return null;
    },
  };
}
