import { describe, expect, it } from 'vitest';
import {
  deliver,
  deliverUntilDone,
  DeliveryError,
  KEEP_TRYING_MS,
  RETRY_DELAYS_MS,
  RETRY_REFUSED_MS,
  type Persistence,
} from '../../../src/content/delivery';

class Refused extends Error {}
const isFinal = (error: unknown) => error instanceof Refused;

/** An attempt that fails in the given ways, then answers. */
function flaky(failures: Error[], answer = 'saved') {
  let calls = 0;
  const attempt = async () => {
    const failure = failures[calls];
    calls += 1;
    if (failure) throw failure;
    return answer;
  };
  return { attempt, calls: () => calls };
}

describe('deliver', () => {
  it('resends a request the stopped background never answered, until it is acknowledged', async () => {
    const slept: number[] = [];
    const { attempt, calls } = flaky([
      new Error('Could not establish connection. Receiving end does not exist.'),
      new Error('The message port closed before a response was received.'),
    ]);
    await expect(deliver(attempt, isFinal, async (ms) => void slept.push(ms))).resolves.toBe(
      'saved',
    );
    expect(calls()).toBe(3);
    expect(slept).toEqual([RETRY_DELAYS_MS[0], RETRY_DELAYS_MS[1]]);
  });

  it('stops at once on a typed answer from the background', async () => {
    const { attempt, calls } = flaky([new Refused('invalid')]);
    await expect(deliver(attempt, isFinal, async () => undefined)).rejects.toThrow('invalid');
    expect(calls()).toBe(1);
  });

  it('gives up after the last delay, so the reader can be told and retry', async () => {
    const lost = Array.from({ length: 20 }, () => new Error('Receiving end does not exist.'));
    const { attempt, calls } = flaky(lost);
    await expect(deliver(attempt, isFinal, async () => undefined)).rejects.toThrow('Receiving end');
    expect(calls()).toBe(RETRY_DELAYS_MS.length + 1);
  });

  it('says plainly when the extension was updated under the page', async () => {
    const { attempt } = flaky([new Error('Extension context invalidated.')]);
    await expect(deliver(attempt, isFinal, async () => undefined)).rejects.toBeInstanceOf(
      DeliveryError,
    );
  });
});

describe('deliverUntilDone', () => {
  const lost = () => new Error('Receiving end does not exist.');
  const keep = (overrides: Partial<Persistence> = {}) => ({
    onWaiting: () => undefined,
    cancelled: () => false,
    ...overrides,
  });

  it('keeps trying long past the quick resends, and says each wait', async () => {
    const failures = Array.from({ length: 40 }, lost);
    const { attempt, calls } = flaky([...failures, new Refused('disk full'), lost()]);
    const waits: unknown[] = [];
    const slept: number[] = [];
    const saved = deliverUntilDone(
      attempt,
      isFinal,
      keep({ onWaiting: (error) => waits.push(error) }),
      async (ms) => void slept.push(ms),
    );
    await expect(saved).resolves.toBe('saved');
    expect(calls()).toBe(43);
    expect(waits).toHaveLength(42);
    expect(slept.slice(0, RETRY_DELAYS_MS.length)).toEqual([...RETRY_DELAYS_MS]);
    expect(slept[RETRY_DELAYS_MS.length]).toBe(KEEP_TRYING_MS);
    expect(slept[40]).toBe(RETRY_REFUSED_MS);
  });

  it('stops when cancelled, before the next try', async () => {
    let cancelled = false;
    const { attempt, calls } = flaky([lost(), lost(), lost()]);
    const saved = deliverUntilDone(
      attempt,
      isFinal,
      keep({ cancelled: () => cancelled }),
      async () => void (cancelled = true),
    );
    await expect(saved).rejects.toBeInstanceOf(DeliveryError);
    expect(calls()).toBe(1);
  });

  it('gives up on a refusal only when told it is final, and when the extension is gone', async () => {
    const refused = flaky([new Refused('invalid')]);
    const read = deliverUntilDone(refused.attempt, isFinal, keep({ refusalIsFinal: true }));
    await expect(read).rejects.toThrow('invalid');
    const gone = flaky([new Error('Extension context invalidated.')]);
    await expect(deliverUntilDone(gone.attempt, isFinal, keep())).rejects.toBeInstanceOf(
      DeliveryError,
    );
  });
});
