// When open views follow the database's changes. A reader's own edit comes on its own and is
// shown at once. A sync's batches, an import or the search index catching up write one
// transaction after another; were each followed at once, every open view would read its data
// again and redraw for each of them, and a page would spend a long sync doing little else. Such a
// burst is followed at a steady pace instead: the views it touched read again at most once per
// `refreshMs`, and once more as soon as the burst is over. Timing only: live.ts wires it to the
// database's change events.

export interface Pace {
  /** This many changes in a row, each less than `gapMs` after the one before, make a burst. */
  burstAfter: number;
  gapMs: number;
  /** During a burst, views read again at most this often. */
  refreshMs: number;
}

export const PACE: Pace = { burstAfter: 3, gapMs: 1000, refreshMs: 1000 };

export interface PaceHandlers {
  /** A burst began: stop following changes one by one. */
  pause(): void;
  /** There were changes since the last read: read everything again. */
  refresh(): void;
  /** The burst is over (no change for `gapMs`): follow changes one by one again, from now. */
  resume(): void;
}

export interface Pacer {
  /** Call on every change. */
  changed(): void;
  readonly bursting: boolean;
}

export function changePacer(
  handlers: PaceHandlers,
  pace: Pace = PACE,
  now: () => number = () => performance.now(),
): Pacer {
  let last = -Infinity;
  let inARow = 0;
  let bursting = false;
  // The change that made the burst is among the unread: its views were let go mid-read.
  let unread = false;
  let lastRefresh = -Infinity;

  const endOrRefresh = () => {
    const at = now();
    if (at - last >= pace.gapMs) {
      bursting = false;
      inARow = 0;
      handlers.resume();
      return;
    }
    if (at - lastRefresh >= pace.refreshMs) {
      lastRefresh = at;
      if (unread) {
        unread = false;
        handlers.refresh();
      }
    }
    schedule();
  };

  function schedule() {
    const due = Math.min(lastRefresh + pace.refreshMs, last + pace.gapMs);
    setTimeout(endOrRefresh, Math.max(0, due - now()));
  }

  return {
    changed() {
      const at = now();
      inARow = at - last < pace.gapMs ? inARow + 1 : 1;
      last = at;
      if (bursting) {
        unread = true;
        return;
      }
      if (inARow < pace.burstAfter) return;
      bursting = true;
      unread = true;
      lastRefresh = at;
      handlers.pause();
      schedule();
    },
    get bursting() {
      return bursting;
    },
  };
}
