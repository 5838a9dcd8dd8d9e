// @vitest-environment happy-dom
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '../../../src/anchoring';
import {
  anchorCases,
  interopCases,
  position,
  quote,
  repeated,
  runAnchorCase,
  where,
} from './cases';
import { mount } from './helpers';

suite('anchor', () => {
  it.each(anchorCases)('$name', (c) => {
    expect(runAnchorCase(c)).toEqual(c.expected);
  });
});

suite('anchorAll', () => {
  it('anchors every case like anchor does, in one pass', async () => {
    const root = mount(repeated + '<p>The quick brown fox</p>');
    const list = [
      [quote('x = 1', 'print(x) ', ' print(y)')],
      [quote('quick', 'The ', ' brown'), position(40, 45)],
      [quote('nowhere to be found', 'a', 'b')],
    ];
    const ranges = await anchorAll(root, list);
    expect(ranges.map((r) => r?.toString() ?? null)).toEqual(['x = 1', 'quick', null]);
    expect(ranges.map((r, i) => where(root, r) ?? where(root, anchor(root, list[i] ?? []))))
      .toEqual([[2, 0, 2, 5], [4, 4, 4, 9], null]); // prettier-ignore
  });

  it('carries drift from one highlight to the next across identical repeats', async () => {
    const body = Array.from({ length: 40 }, (_, i) => `<p>step ${i % 2} of the same recipe</p>`);
    const root = mount(body.join(''));
    const paragraphs = [...root.querySelectorAll('p')];
    const stored = paragraphs.map((p) => {
      const range = document.createRange();
      range.setStart(p.firstChild as Text, 0);
      range.setEnd(p.firstChild as Text, 6);
      return describe(root, range);
    });
    root.prepend(
      Object.assign(document.createElement('p'), { textContent: 'new intro '.repeat(300) }),
    );
    const ranges = await anchorAll(root, stored);
    const placed = ranges.map((range) =>
      paragraphs.indexOf(range?.startContainer.parentNode as HTMLParagraphElement),
    );
    expect(placed).toEqual(paragraphs.map((_, i) => i));
  });

  it('starts over when the page changes while it works', async () => {
    const root = mount('<p>alpha beta gamma</p>');
    const pending = anchorAll(root, [[quote('gamma', 'alpha beta ', ''), position(11, 16)]]);
    root.querySelector('p')?.prepend('inserted while anchoring ');
    const [range] = await pending;
    expect(range?.toString()).toBe('gamma');
    expect(describe(root, range as Range)[1]).toEqual(position(36, 41));
  });

  it('returns a Promise of one entry per highlight, nulls for empty selectors', async () => {
    const root = mount('<p>abc</p>');
    await expect(anchorAll(root, [[], [quote('')]])).resolves.toEqual([null, null]);
  });
});

suite('anchor on selectors other tools wrote', () => {
  it.each(interopCases)('$name', (c) => {
    expect(runAnchorCase(c)).toEqual(c.expected);
  });
});
