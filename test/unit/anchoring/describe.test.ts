// @vitest-environment happy-dom
import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../../src/anchoring';
import { mount, rangeOver } from './helpers';

interface Case {
  name: string;
  html: string;
  from: [number, number];
  to: [number, number];
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  /** Extra DOM surgery after mounting, for shapes HTML parsing cannot produce. */
  build?: (root: HTMLElement) => void;
}

const cases: Case[] = [
  {
    name: 'a range inside one text node',
    html: '<p>The quick brown fox jumps</p>',
    from: [0, 4],
    to: [0, 15],
    exact: 'quick brown',
    prefix: 'The ',
    suffix: ' fox jumps',
    start: 4,
  },
  {
    name: 'a range across nested inline elements',
    html: '<p>one <b>two <i>three</i></b> four</p>',
    from: [0, 0],
    to: [3, 5],
    exact: 'one two three four',
    prefix: '',
    suffix: '',
    start: 0,
  },
  {
    name: '<br> counts as one space, never glues words',
    html: '<p>first line<br>second line</p>',
    from: [0, 6],
    to: [1, 6],
    exact: 'line second',
    prefix: 'first ',
    suffix: ' line',
    start: 6,
  },
  {
    name: 'whitespace runs collapse to one space',
    html: '<p>alpha   \n\t  beta\n gamma</p>',
    from: [0, 0],
    to: [0, 23],
    exact: 'alpha beta gamma',
    prefix: '',
    suffix: '',
    start: 0,
  },
  {
    name: 'block boundaries separate words',
    html: '<div>end of one</div><div>start of two</div>',
    from: [0, 7],
    to: [1, 5],
    exact: 'one start',
    prefix: 'end of ',
    suffix: ' of two',
    start: 7,
  },
  {
    name: 'script and style text is never part of the text',
    html: '<p>before<script>var x = 1;</script><style>p{}</style> after</p>',
    from: [0, 0],
    to: [3, 6],
    exact: 'before after',
    prefix: '',
    suffix: '',
    start: 0,
  },
  {
    name: 'context is cut to 32 characters',
    html: '<p>0123456789abcdefghij0123456789ABCDEFGHIJ quote 0123456789abcdefghij0123456789ABCDEFGHIJ</p>',
    from: [0, 41],
    to: [0, 46],
    exact: 'quote',
    prefix: '9abcdefghij0123456789ABCDEFGHIJ ',
    suffix: ' 0123456789abcdefghij0123456789A',
    start: 41,
  },
  {
    name: 'quote at the very end of the text',
    html: '<p>ends here</p>',
    from: [0, 5],
    to: [0, 9],
    exact: 'here',
    prefix: 'ends ',
    suffix: '',
    start: 5,
  },
  {
    name: 'empty and split text nodes',
    html: '<p>spl</p>',
    from: [0, 0],
    to: [3, 4],
    build: (root) => root.querySelector('p')?.append(document.createTextNode(''), 'it ', 'text'),
    exact: 'split text',
    prefix: '',
    suffix: '',
    start: 0,
  },
];

suite('describe', () => {
  it.each(cases)('$name', (c) => {
    const root = mount(c.html);
    c.build?.(root);
    const selectors = describe(root, rangeOver(root, c.from, c.to));
    expect(selectors).toEqual([
      { type: 'TextQuoteSelector', exact: c.exact, prefix: c.prefix, suffix: c.suffix },
      { type: 'TextPositionSelector', start: c.start, end: c.start + c.exact.length },
    ]);
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
