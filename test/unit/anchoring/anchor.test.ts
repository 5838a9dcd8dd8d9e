// @vitest-environment happy-dom
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe, type Selector } from '../../../src/anchoring';
import { mount, textNodes } from './helpers';

function quote(exact: string, prefix = '', suffix = ''): Selector {
  return { type: 'TextQuoteSelector', exact, prefix, suffix };
}

function position(start: number, end: number): Selector {
  return { type: 'TextPositionSelector', start, end };
}

/** Where a range sits: [text node index, offset] for each end. */
function where(root: Node, range: Range | null): [number, number, number, number] | null {
  if (!range) return null;
  const nodes = textNodes(root);
  return [
    nodes.indexOf(range.startContainer as Text),
    range.startOffset,
    nodes.indexOf(range.endContainer as Text),
    range.endOffset,
  ];
}

interface Case {
  name: string;
  html: string;
  selectors: Selector[];
  expected: [number, number, number, number] | null;
}

const repeated = '<p>x = 1</p><p>print(x)</p><p>x = 1</p><p>print(y)</p>';

const cases: Case[] = [
  {
    name: 'exact at its position',
    html: '<p>The quick brown fox</p>',
    selectors: [quote('quick', 'The ', ' brown'), position(4, 9)],
    expected: [0, 4, 0, 9],
  },
  {
    name: 'moved: found by quote when the position is stale',
    html: '<p>Inserted text. The quick brown fox</p>',
    selectors: [quote('quick', 'The ', ' brown'), position(4, 9)],
    expected: [0, 19, 0, 24],
  },
  {
    name: 'split text nodes on the next visit',
    html: '<p>The qu<b>i</b>ck brown fox</p>',
    selectors: [quote('quick', 'The ', ' brown'), position(4, 9)],
    expected: [0, 4, 2, 2],
  },
  {
    name: 'a quote across <br> stored with a space',
    html: '<p>first line<br>second line</p>',
    selectors: [quote('line second', 'first ', ' line'), position(6, 17)],
    expected: [0, 6, 1, 6],
  },
  {
    name: 'whitespace reformatted between visits',
    html: '<p>alpha\n      beta   gamma</p>',
    selectors: [quote('alpha beta gamma'), position(0, 16)],
    expected: [0, 0, 0, 24],
  },
  {
    name: 'repeat decided by context (second copy)',
    html: repeated,
    selectors: [quote('x = 1', 'print(x) ', ' print(y)')],
    expected: [2, 0, 2, 5],
  },
  {
    name: 'repeat decided by context (first copy)',
    html: repeated,
    selectors: [quote('x = 1', '', ' print(x)')],
    expected: [0, 0, 0, 5],
  },
  {
    name: 'repeat decided by position when the contexts are alike',
    html: '<p>same same same</p>',
    selectors: [quote('same', 'same ', ' same'), position(5, 9)],
    expected: [0, 5, 0, 9],
  },
  {
    name: 'quote at the very start',
    html: '<p>Start here and go on</p>',
    selectors: [quote('Start', '', ' here'), position(0, 5)],
    expected: [0, 0, 0, 5],
  },
  {
    name: 'quote at the very end',
    html: '<p>go on to the end</p>',
    selectors: [quote('end', 'to the ', ''), position(13, 16)],
    expected: [0, 13, 0, 16],
  },
  {
    name: 'a small edit inside the quote is matched fuzzily',
    html: '<p>Ask your manager for concrete feedback every quarter, in writing.</p>',
    selectors: [
      quote('for specific feedback every quarter', 'Ask your manager ', ', in writing.'),
      position(17, 53),
    ],
    expected: [0, 17, 0, 52],
  },
  {
    name: 'text only in a script is never matched',
    html: '<p>visible</p><script>hidden words here</script>',
    selectors: [quote('hidden words', '', '')],
    expected: null,
  },
  {
    name: 'a quote that is gone stays an orphan',
    html: '<p>Entirely different content now lives on this page.</p>',
    selectors: [quote('the original sentence', 'Before ', ' after'), position(7, 28)],
    expected: null,
  },
  {
    name: 'a weak fuzzy match is refused',
    html: '<p>staff engineers lead through influence</p>',
    selectors: [quote('stuff engines', 'nothing alike here ', ' nor here at all')],
    expected: null,
  },
  {
    name: 'position alone when there is no quote',
    html: '<p>abc def</p>',
    selectors: [position(4, 7)],
    expected: [0, 4, 0, 7],
  },
];

suite('anchor', () => {
  it.each(cases)('$name', ({ html, selectors, expected }) => {
    const root = mount(html);
    expect(where(root, anchor(root, selectors))).toEqual(expected);
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

  it('returns a Promise of one entry per highlight, nulls for empty selectors', async () => {
    const root = mount('<p>abc</p>');
    await expect(anchorAll(root, [[], [quote('')]])).resolves.toEqual([null, null]);
  });
});
