// How far the text has moved since the highlights were saved, learnt from the highlights already
// placed (in stored order) and used to predict where the next one is. A single anchor that jumps
// far from the prediction does not move it: that may be a copy of repeated text, and following
// it would drag every later highlight onto the copies. Two jumps that agree do: that is a real
// move, such as a long passage inserted above.

/** Two drifts this close agree. */
const AGREEMENT = 64;

export class Drift {
  private current = 0;
  private unconfirmed: number | null = null;

  constructor(private readonly reach: number) {}

  get value(): number {
    return this.current;
  }

  /** Learns from a highlight stored at `stored` and found at `found`. */
  observe(stored: number, found: number): void {
    const shift = found - stored;
    const confirmed =
      Math.abs(shift - this.current) <= this.reach ||
      (this.unconfirmed !== null && Math.abs(shift - this.unconfirmed) <= AGREEMENT);
    if (confirmed) {
      this.current = shift;
      this.unconfirmed = null;
    } else this.unconfirmed = shift;
  }
}
