import { describe, expect, it } from 'vitest';
import { formatHlc, HLC_PATTERN, laterHlc, nextHlc, parseHlc } from '../../../src/shared/sync/hlc';

describe('hybrid logical clock', () => {
  it('orders stamps by time as strings', () => {
    const early = nextHlc(null, 1_000, 'a');
    const late = nextHlc(null, 20_000, 'a');
    expect(early < late).toBe(true);
    expect(early).toMatch(HLC_PATTERN);
  });

  it('counts on past a stamp from a device whose clock runs ahead', () => {
    const ahead = formatHlc({ wall: 10_000_000, counter: 3, node: 'fast' });
    const mine = nextHlc(ahead, 5_000, 'slow');
    expect(mine > ahead).toBe(true);
    expect(parseHlc(mine)).toEqual({ wall: 10_000_000, counter: 4, node: 'slow' });
  });

  it('gives two edits in the same millisecond distinct, ordered stamps', () => {
    const first = nextHlc(null, 7, 'd');
    const second = nextHlc(first, 7, 'd');
    expect(second > first).toBe(true);
  });

  it('breaks ties between devices by device id, the same everywhere', () => {
    const a = formatHlc({ wall: 5, counter: 0, node: 'aaa' });
    const b = formatHlc({ wall: 5, counter: 0, node: 'bbb' });
    expect(laterHlc(a, b)).toBe(b);
    expect(laterHlc(b, a)).toBe(b);
  });
});
