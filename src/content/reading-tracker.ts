// Feeds the reading clock from the page's events and reports active time and furthest scroll at
// least every 30 s and when the reader leaves. Started only on pages the reader saved something
// on, so other pages get no listeners at all. Reports name the address the tracker started on,
// since a client-side navigation changes location.href before the page is switched over.
// Only the reader's own input counts: a page can dispatch events, and it can scroll itself (its
// scroll events are the browser's), so scrolling moves the furthest point but is no activity —
// the wheel, keys and pointer that scroll are.
import { createReadingClock } from './reading-clock';
import { trusted } from './trusted';

export const REPORT_EVERY_MS = 30_000;

/** Active time since the last report, and the furthest the reader has scrolled (0 to 1). */
export interface Reading {
  url: string;
  activeMs: number;
  maxScroll: number;
}

export type ReadingSink = (reading: Reading) => void;

/** Less active time than this is not worth a report unless the reader scrolled further. */
export const MIN_REPORT_MS = 1000;

const attentive = (): boolean => document.visibilityState === 'visible' && document.hasFocus();

function scrollDepth(): number {
  const scrollable = document.documentElement.scrollHeight;
  if (scrollable <= 0) return 1;
  return Math.min(1, (scrollY + innerHeight) / scrollable);
}

export function startReadingTracker(report: ReadingSink): () => void {
  const url = location.href;
  const clock = createReadingClock(attentive(), performance.now());
  let maxScroll = scrollDepth();
  // Where the page opened is not progress: a tab left unread in the background reports nothing.
  let reportedScroll = maxScroll;

  const onActivity = () => clock.activity(performance.now());
  const onScroll = () => {
    maxScroll = Math.max(maxScroll, scrollDepth());
  };
  const onAttention = () => clock.setAttentive(attentive(), performance.now());
  const flush = () => {
    const activeMs = Math.round(clock.take(performance.now()));
    if (activeMs < MIN_REPORT_MS && maxScroll <= reportedScroll) return;
    reportedScroll = maxScroll;
    report({ url, activeMs, maxScroll });
  };
  const onHide = () => {
    onAttention();
    if (document.visibilityState === 'hidden') flush();
  };

  type Listening = [
    EventTarget,
    string,
    (event: Event) => void,
    AddEventListenerOptions | undefined,
  ];
  const watched = { passive: true, capture: true } as const;
  const activity = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'].map(
    (type): Listening => [window, type, onActivity, watched],
  );
  const listeners = (
    [
      ...activity,
      [window, 'scroll', onScroll, watched],
      [window, 'focus', onAttention, undefined],
      [window, 'blur', onAttention, undefined],
      [document, 'visibilitychange', onHide, undefined],
      [window, 'pagehide', flush, undefined],
    ] satisfies Listening[]
  ).map(([target, type, listener, options]): Listening => [
    target,
    type,
    trusted(listener),
    options,
  ]);
  for (const [target, type, listener, options] of listeners)
    target.addEventListener(type, listener, options);
  const timer = setInterval(flush, REPORT_EVERY_MS);

  return () => {
    flush();
    clearInterval(timer);
    for (const [target, type, listener, options] of listeners)
      target.removeEventListener(type, listener, options);
  };
}
