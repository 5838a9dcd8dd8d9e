import { describe, expect, test } from 'vitest';
import { storageWording } from '../../../src/ui/review/data/storage-wording';

describe('storage wording follows what the browser does', () => {
  test.each([
    // persisted, unlimited → says, offers to ask
    [true, true, /persistent storage granted/, false],
    [true, false, /persistent storage granted/, false],
    [false, true, /does not clear .* \(unlimited storage granted\)/, false],
    [false, false, /may clear Trailmark’s data when the disk runs low/, true],
    [null, true, /unlimited storage granted/, false],
    [null, false, /does not say/, false],
  ] as const)('persisted %s, unlimited %s', (persisted, unlimited, says, offerToAsk) => {
    const wording = storageWording({ persisted, unlimited });
    expect(wording.text).toMatch(says);
    expect(wording.offerToAsk).toBe(offerToAsk);
  });

  test('a kept library still tells the reader what erases it', () => {
    expect(storageWording({ persisted: false, unlimited: true }).text).toMatch(/keep a backup/);
    expect(storageWording({ persisted: false, unlimited: true }).text).not.toMatch(/may clear/);
  });
});
