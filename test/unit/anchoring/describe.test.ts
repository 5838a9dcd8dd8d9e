// @vitest-environment happy-dom
import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../../src/anchoring';
import { describeCases, expectedSelectors, runDescribeCase } from './cases';
import { mount, rangeOver } from './helpers';

suite('describe', () => {
  it.each(describeCases)('$name', (c) => {
    expect(runDescribeCase(c)).toEqual(expectedSelectors(c));
  });

  it('moves a start between elements to the next text and an end to the previous text', () => {
    const root = mount('<p>one</p><p>two</p><p>three</p>');
    const range = document.createRange();
    range.setStart(root, 1);
    range.setEnd(root, 2);
    expect(describe(root, range)[0]).toMatchObject({ exact: 'two', prefix: 'one ' });
  });

  it('sees a change made in the same task (no stale text)', () => {
    const root = mount('<p>alpha beta</p>');
    describe(root, rangeOver(root, [0, 0], [0, 5]));
    root.querySelector('p')?.prepend('new ');
    expect(describe(root, rangeOver(root, [1, 0], [1, 5]))[0]).toMatchObject({
      exact: 'alpha',
      prefix: 'new ',
    });
  });
});
