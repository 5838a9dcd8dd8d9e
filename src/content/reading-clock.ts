// Active reading time: time counts only while the tab is visible and focused and the reader
// did something (scrolled, typed, moved the pointer) in the last while. Pure logic with an
// injected clock, so it is tested with a fake one.
declare const __TRAILMARK_IDLE_AFTER_MS__: number | null | undefined;

/** A minute without activity ends active reading; a test build may make it shorter. */
export const IDLE_AFTER_MS =
  typeof __TRAILMARK_IDLE_AFTER_MS__ === 'number' ? __TRAILMARK_IDLE_AFTER_MS__ : 60_000;

export interface ReadingClock {
  /** The reader did something at `now`. */
  activity(now: number): void;
  /** The tab became visible and focused, or stopped being so. */
  setAttentive(attentive: boolean, now: number): void;
  /** Active milliseconds accrued since the last take, which resets them. */
  take(now: number): number;
}

export function createReadingClock(startAttentive: boolean, now: number): ReadingClock {
  let attentive = startAttentive;
  let lastActivity = now;
  let countedUntil = now;
  let pending = 0;

  /** Counts the time since the last count that was attentive and within the idle window. */
  function settle(at: number): void {
    if (attentive) {
      const activeUntil = Math.min(at, lastActivity + IDLE_AFTER_MS);
      pending += Math.max(0, activeUntil - countedUntil);
    }
    countedUntil = at;
  }

  return {
    activity(at) {
      settle(at);
      lastActivity = at;
    },
    setAttentive(next, at) {
      settle(at);
      attentive = next;
      if (next) lastActivity = at;
    },
    take(at) {
      settle(at);
      const taken = pending;
      pending = 0;
      return taken;
    },
  };
}
