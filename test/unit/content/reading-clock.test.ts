import { describe, expect, it } from 'vitest';
import { createReadingClock, IDLE_AFTER_MS } from '../../../src/content/reading-clock';

describe('reading clock (fake time)', () => {
  it('counts attentive time with recent activity', () => {
    const clock = createReadingClock(true, 0);
    clock.activity(10_000);
    expect(clock.take(30_000)).toBe(30_000);
    expect(clock.take(30_000)).toBe(0);
  });

  it('stops counting a minute after the last activity', () => {
    const clock = createReadingClock(true, 0);
    expect(clock.take(5 * 60_000)).toBe(IDLE_AFTER_MS);
  });

  it('does not count while the tab is hidden or unfocused, and resumes after', () => {
    const clock = createReadingClock(true, 0);
    clock.setAttentive(false, 20_000);
    clock.activity(40_000);
    expect(clock.take(50_000)).toBe(20_000);
    clock.setAttentive(true, 50_000);
    expect(clock.take(80_000)).toBe(30_000);
  });

  it('starts idle when the page opens in the background', () => {
    const clock = createReadingClock(false, 0);
    expect(clock.take(100_000)).toBe(0);
    clock.setAttentive(true, 100_000);
    clock.activity(110_000);
    expect(clock.take(130_000)).toBe(30_000);
  });

  it('counts activity bursts separated by idle gaps only up to the idle limit each', () => {
    const clock = createReadingClock(true, 0);
    clock.activity(200_000); // after 200 s of silence: only the first minute counted
    expect(clock.take(210_000)).toBe(IDLE_AFTER_MS + 10_000);
  });
});
