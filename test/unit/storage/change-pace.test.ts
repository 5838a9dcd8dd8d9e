// When views follow changes: one change at once, a burst at a steady pace with one last read
// once it is over.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { changePacer, type Pace } from '../../../src/storage/database/change-pace';

const PACE: Pace = { burstAfter: 3, gapMs: 100, refreshMs: 300 };

let events: string[];
const handlers = {
  pause: () => events.push('pause'),
  refresh: () => events.push('refresh'),
  resume: () => events.push('resume'),
};

beforeEach(() => {
  vi.useFakeTimers();
  events = [];
});
afterEach(() => vi.useRealTimers());

const make = () => changePacer(handlers, PACE, () => Date.now());

it('leaves changes apart, and two in a row, to be followed one by one', () => {
  const pacer = make();
  pacer.changed();
  vi.advanceTimersByTime(150);
  pacer.changed();
  vi.advanceTimersByTime(50);
  pacer.changed();
  vi.advanceTimersByTime(1000);
  expect(events).toEqual([]);
  expect(pacer.bursting).toBe(false);
});

it('paces a burst: paused at its third change, read again each refresh, resumed when over', () => {
  const pacer = make();
  // A change every 50 ms for 1 s: 21 changes.
  for (let t = 0; t <= 1000; t += 50) {
    pacer.changed();
    vi.advanceTimersByTime(50);
  }
  expect(events[0]).toBe('pause');
  expect(pacer.bursting).toBe(true);
  const refreshes = events.filter((e) => e === 'refresh').length;
  // Once per 300 ms over the 900 ms since the burst began, not once per change.
  expect(refreshes).toBeGreaterThanOrEqual(2);
  expect(refreshes).toBeLessThanOrEqual(3);
  expect(events).not.toContain('resume');
  vi.advanceTimersByTime(100);
  expect(events.at(-1)).toBe('resume');
  expect(pacer.bursting).toBe(false);
});

it('reads the change that began the burst even if the burst ends before a refresh', () => {
  const pacer = make();
  pacer.changed();
  pacer.changed();
  pacer.changed();
  vi.advanceTimersByTime(PACE.gapMs);
  // The views let go mid-read are started again: they read what is stored now.
  expect(events).toEqual(['pause', 'resume']);
});

it('does not read again in a burst where nothing changed since the last refresh', () => {
  const pacer = make();
  for (let i = 0; i < 3; i += 1) pacer.changed();
  // Changes every 90 ms, none between the 300 ms refresh and the next one.
  vi.advanceTimersByTime(90);
  pacer.changed();
  vi.advanceTimersByTime(90);
  pacer.changed();
  vi.advanceTimersByTime(90);
  pacer.changed();
  vi.advanceTimersByTime(40);
  expect(events).toEqual(['pause', 'refresh']);
  vi.advanceTimersByTime(1000);
  expect(events).toEqual(['pause', 'refresh', 'resume']);
});

it('starts a new burst after one ended', () => {
  const pacer = make();
  for (let i = 0; i < 3; i += 1) pacer.changed();
  vi.advanceTimersByTime(500);
  for (let i = 0; i < 3; i += 1) pacer.changed();
  vi.advanceTimersByTime(500);
  expect(events).toEqual(['pause', 'resume', 'pause', 'resume']);
});
