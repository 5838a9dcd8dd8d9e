import { describe, expect, it } from 'vitest';
import { backgroundTurn, foreground } from '../../../src/storage/database/foreground';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('foreground work goes first', () => {
  it('holds a background step until every foreground task is done, failed ones too', async () => {
    const order: string[] = [];
    let finishA: () => void = () => {};
    let failB: (e: Error) => void = () => {};
    const a = foreground(() => new Promise<void>((resolve) => (finishA = resolve)));
    const b = foreground(() => new Promise<void>((_, reject) => (failB = reject)));
    void backgroundTurn().then(() => order.push('background'));
    await tick();
    finishA();
    await a;
    order.push('a done');
    await tick();
    failB(new Error('no'));
    await expect(b).rejects.toThrow('no');
    await tick();
    expect(order).toEqual(['a done', 'background']);
  });

  it('lets a background step go at once when nothing is in the foreground', async () => {
    let went = false;
    void backgroundTurn().then(() => (went = true));
    await tick();
    expect(went).toBe(true);
  });
});
