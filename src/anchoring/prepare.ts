// Building the text map of a 3 M-character page takes hundreds of milliseconds, and describe needs
// it for the position hint. Started when the reader selects, in slices that give the main thread
// back, it is usually ready by the time they choose Highlight; describe then costs what the range
// costs instead of freezing the page for one long task.
import { Slicer } from './steps';
import { textMapOfSliced } from './text-map-cache';

const building = new WeakMap<Element, Promise<void>>();

/** Readies `root`'s text map for describe without a long task; calls made meanwhile share it. */
export function prepare(root: Element): Promise<void> {
  const pending = building.get(root);
  if (pending) return pending;
  const done = textMapOfSliced(root, new Slicer()).then(() => {
    building.delete(root);
  });
  building.set(root, done);
  return done;
}
