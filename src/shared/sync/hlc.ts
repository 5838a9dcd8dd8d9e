// Hybrid logical clock stamps for per-field last-writer-wins. A stamp is the later of the device's
// wall clock and every stamp it has seen, plus a counter and the device's id, so an edit made
// after seeing another edit always sorts after it, even when the two devices' clocks disagree,
// and two stamps never tie. Stamps are fixed-width strings: comparing them as strings orders them.
const WALL_DIGITS = 15;
const COUNTER_DIGITS = 5;
const COUNTER_MAX = 36 ** COUNTER_DIGITS - 1;

export const HLC_PATTERN = /^\d{15}-[0-9a-z]{5}-[\w-]{1,64}$/;

export interface Hlc {
  wall: number;
  counter: number;
  node: string;
}

export const formatHlc = ({ wall, counter, node }: Hlc): string =>
  `${String(Math.max(0, Math.floor(wall))).padStart(WALL_DIGITS, '0')}-${counter
    .toString(36)
    .padStart(COUNTER_DIGITS, '0')}-${node}`;

export function parseHlc(stamp: string): Hlc {
  const [wall = '0', counter = '0', ...node] = stamp.split('-');
  return { wall: Number(wall), counter: parseInt(counter, 36), node: node.join('-') };
}

/** The stamp for a local change at `now`, after `last`, the latest stamp this device has seen. */
export function nextHlc(last: string | null, now: number, node: string): string {
  const previous = last ? parseHlc(last) : { wall: 0, counter: 0 };
  if (now > previous.wall) return formatHlc({ wall: now, counter: 0, node });
  // The wall clock is behind a stamp already seen (a skewed device, or many edits in one
  // millisecond): count on from it; past the counter's room, move one millisecond on.
  if (previous.counter >= COUNTER_MAX) {
    return formatHlc({ wall: previous.wall + 1, counter: 0, node });
  }
  return formatHlc({ wall: previous.wall, counter: previous.counter + 1, node });
}

/** The later of two stamps (either may be absent). */
export const laterHlc = (a: string | undefined | null, b: string | undefined | null): string =>
  (a ?? '') > (b ?? '') ? (a ?? '') : (b ?? '');

/** A stamp for a record written before sync existed: when it last changed, by no device. */
export const legacyHlc = (time: number): string => formatHlc({ wall: time, counter: 0, node: '0' });
