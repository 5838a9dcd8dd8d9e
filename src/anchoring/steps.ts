// Long work (building a 3 M-character text map, searching it) is written as generators that
// yield at safe points, so one code path serves both the synchronous API and the asynchronous
// one that gives the main thread back before a task reaches 50 ms.

export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Time one slice of work may take before the main thread gets a turn. */
const SLICE_MS = 12;

interface Scheduler {
  yield?: () => Promise<void>;
}

function giveThreadBack(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs generators in slices; one Slicer is shared by all the steps of one anchorAll call. */
export class Slicer {
  private sliceStart = performance.now();

  async run<T>(steps: Steps<T>): Promise<T> {
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      await this.pause();
    }
  }

  /** Yields to the event loop if this slice has used its time. */
  async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await giveThreadBack();
    this.sliceStart = performance.now();
  }
}
