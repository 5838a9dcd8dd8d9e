import { describe as suite, expect, it } from 'vitest';
import { Drift } from '../../../src/anchoring/drift';

suite('Drift', () => {
  it('follows shifts within reach', () => {
    const drift = new Drift(1000);
    drift.observe(100, 700);
    drift.observe(200, 820);
    expect(drift.value).toBe(620);
  });

  it('ignores a single far jump, which may be a copy of repeated text', () => {
    const drift = new Drift(1000);
    drift.observe(100, 700);
    drift.observe(200, 5044);
    expect(drift.value).toBe(600);
    drift.observe(300, 905);
    expect(drift.value).toBe(605);
  });

  it('follows a far jump that the next highlight confirms', () => {
    const drift = new Drift(1000);
    drift.observe(100, 3100);
    expect(drift.value).toBe(0);
    drift.observe(200, 3210);
    expect(drift.value).toBe(3010);
  });
});
