// Reads a reader is waiting on go first: the review page's background reads (filling the page
// cache, building the word table) hold their next step while a search is being answered, since
// IndexedDB serves one request at a time and a search queued behind them would wait.

let running = 0;
let waiters: (() => void)[] = [];

/** Runs work the reader is waiting on, keeping background steps back until it is done. */
export async function foreground<T>(work: () => Promise<T>): Promise<T> {
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    if (running === 0) {
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve();
    }
  }
}

/** Resolves once no foreground work is running: a background step awaits it before each read. */
export const backgroundTurn = (): Promise<void> =>
  running === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
