// @vitest-environment happy-dom
// The reading tracker on a fake clock: what it reports, when, and for which address, driven by
// the page events it listens to.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_AFTER_MS } from '../../../src/content/reading-clock';
import {
  MIN_REPORT_MS,
  REPORT_EVERY_MS,
  startReadingTracker,
  type Reading,
} from '../../../src/content/reading-tracker';

const PAGE_HEIGHT = 4000;
const VIEW_HEIGHT = 1000;

let visibility: DocumentVisibilityState;
let focused: boolean;
let scrolled: number;
let readings: Reading[];
let stop: () => void;
const start = location.href;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'performance'] });
  visibility = 'visible';
  focused = true;
  scrolled = 0;
  readings = [];
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  vi.spyOn(document, 'hasFocus').mockImplementation(() => focused);
  vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockReturnValue(PAGE_HEIGHT);
  vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(VIEW_HEIGHT);
  vi.spyOn(window, 'scrollY', 'get').mockImplementation(() => scrolled);
});
afterEach(() => {
  stop();
  vi.useRealTimers();
  history.replaceState(null, '', start);
});

const track = () => {
  stop = startReadingTracker((reading) => readings.push(reading));
};
const at = (activeMs: number, maxScroll = VIEW_HEIGHT / PAGE_HEIGHT) => ({
  url: start,
  activeMs,
  maxScroll,
});

/**
 * An event as the browser fires it. A page cannot forge `isTrusted` (in a browser it is an own,
 * unforgeable property); happy-dom lets the test set it, to stand for the browser.
 */
function browserEvent(type: string): Event {
  const event = new Event(type);
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** The reader moves the pointer every few seconds for `ms`. */
function readFor(ms: number): void {
  for (let passed = 0; passed < ms; passed += 5000) {
    vi.advanceTimersByTime(Math.min(5000, ms - passed));
    window.dispatchEvent(browserEvent('pointermove'));
  }
}

function scrollTo(y: number): void {
  scrolled = y;
  window.dispatchEvent(browserEvent('scroll'));
}

function hide(): void {
  visibility = 'hidden';
  document.dispatchEvent(browserEvent('visibilitychange'));
}

describe('reading tracker', () => {
  it('reports active time every 30 s while the reader reads', () => {
    track();
    readFor(REPORT_EVERY_MS * 3);
    expect(readings).toEqual([at(REPORT_EVERY_MS), at(REPORT_EVERY_MS), at(REPORT_EVERY_MS)]);
  });

  it('reports the furthest scroll, not where the reader ended up', () => {
    track();
    readFor(10_000);
    scrollTo(2000);
    readFor(5000);
    scrollTo(500);
    readFor(REPORT_EVERY_MS - 15_000);
    expect(readings).toEqual([at(REPORT_EVERY_MS, 3000 / PAGE_HEIGHT)]);
  });

  it('flushes at once when the tab is hidden, and counts nothing while hidden', () => {
    track();
    readFor(12_000);
    hide();
    expect(readings).toEqual([at(12_000)]);
    vi.advanceTimersByTime(REPORT_EVERY_MS * 4);
    expect(readings).toHaveLength(1);
  });

  it('flushes at once when the page goes away', () => {
    track();
    readFor(7000);
    window.dispatchEvent(browserEvent('pagehide'));
    expect(readings).toEqual([at(7000)]);
  });

  it('reports a scroll even with under a second of reading, but not less time alone', () => {
    track();
    vi.advanceTimersByTime(MIN_REPORT_MS - 200);
    focused = false;
    window.dispatchEvent(browserEvent('blur'));
    vi.advanceTimersByTime(REPORT_EVERY_MS);
    expect(readings).toEqual([]);
    scrollTo(1000);
    vi.advanceTimersByTime(REPORT_EVERY_MS);
    expect(readings).toEqual([at(0, 2000 / PAGE_HEIGHT)]);
  });

  it('records nothing for a tab opened in the background or left without focus', () => {
    visibility = 'hidden';
    track();
    vi.advanceTimersByTime(REPORT_EVERY_MS * 2);
    visibility = 'visible';
    focused = false;
    document.dispatchEvent(browserEvent('visibilitychange'));
    vi.advanceTimersByTime(REPORT_EVERY_MS * 2);
    expect(readings).toEqual([]);
  });

  it('counts no time for what a page dispatches or scrolls by itself', () => {
    track();
    for (let passed = 0; passed < IDLE_AFTER_MS * 2; passed += 5000) {
      vi.advanceTimersByTime(5000);
      for (const type of ['pointermove', 'keydown', 'wheel', 'focus', 'visibilitychange'])
        window.dispatchEvent(new Event(type));
      scrolled = Math.min(PAGE_HEIGHT - VIEW_HEIGHT, scrolled + 10);
      window.dispatchEvent(browserEvent('scroll'));
    }
    stop();
    const total = readings.reduce((sum, r) => sum + r.activeMs, 0);
    expect(total).toBe(IDLE_AFTER_MS);
  });

  it('stops counting a minute after the last activity', () => {
    track();
    vi.advanceTimersByTime(REPORT_EVERY_MS * 4);
    expect(readings).toEqual([at(REPORT_EVERY_MS), at(IDLE_AFTER_MS - REPORT_EVERY_MS)]);
  });

  it('counts again once the reader comes back to the tab', () => {
    track();
    readFor(5000);
    focused = false;
    window.dispatchEvent(browserEvent('blur'));
    vi.advanceTimersByTime(20_000);
    focused = true;
    window.dispatchEvent(browserEvent('focus'));
    vi.advanceTimersByTime(5000);
    expect(readings).toEqual([at(10_000)]);
  });

  it('flushes when stopped and then listens no more', () => {
    track();
    readFor(4000);
    stop();
    expect(readings).toEqual([at(4000)]);
    scrollTo(3000);
    window.dispatchEvent(browserEvent('pagehide'));
    vi.advanceTimersByTime(REPORT_EVERY_MS * 2);
    expect(readings).toHaveLength(1);
  });

  it('reports under the address it started on after a client-side navigation', () => {
    track();
    readFor(9000);
    history.pushState(null, '', '/another-article');
    readFor(2000);
    stop();
    expect(readings).toEqual([at(11_000)]);
  });
});
