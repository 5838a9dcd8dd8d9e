// The table-driven cases of the anchoring engine, as data plus small runners, so that the same
// table runs in happy-dom under Vitest and in real Chromium (test/browser bundles this file).
import { anchor, describe, type AnySelector, type Selector } from '../../../src/anchoring';
import { mount, rangeOver, textNodes } from './helpers';

export interface DescribeCase {
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

export const describeCases: DescribeCase[] = [
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
  {
    name: 'quote at the very start of the root, after leading whitespace',
    html: '\n  <p>Start here and go on</p>',
    from: [1, 0],
    to: [1, 5],
    exact: 'Start',
    prefix: '',
    suffix: ' here and go on',
    start: 0,
  },
  {
    name: 'the second of two repeated phrases keeps its own position and context',
    html: '<p>see the docs first.</p><p>Then see the docs again.</p>',
    from: [1, 5],
    to: [1, 17],
    exact: 'see the docs',
    prefix: 'see the docs first. Then ',
    suffix: ' again.',
    start: 25,
  },
];

export function quote(exact: string, prefix = '', suffix = ''): Selector {
  return { type: 'TextQuoteSelector', exact, prefix, suffix };
}

export function position(start: number, end: number): Selector {
  return { type: 'TextPositionSelector', start, end };
}

/** Where a range sits: [text node index, offset] for each end. */
export function where(root: Node, range: Range | null): [number, number, number, number] | null {
  if (!range) return null;
  const nodes = textNodes(root);
  return [
    nodes.indexOf(range.startContainer as Text),
    range.startOffset,
    nodes.indexOf(range.endContainer as Text),
    range.endOffset,
  ];
}

export interface AnchorCase {
  name: string;
  html: string;
  selectors: AnySelector[];
  /** Text node indexes count every text node, empty ones too (see `where`). */
  expected: [number, number, number, number] | null;
  /** Extra DOM surgery after mounting, for shapes HTML parsing cannot produce. */
  build?: (root: HTMLElement) => void;
}

export const repeated = '<p>x = 1</p><p>print(x)</p><p>x = 1</p><p>print(y)</p>';

/** Text that contains none of the quotes, to put more than a search window between two copies. */
const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(25);
const loop = 'for item in items: print(item)';
const nullTest = 'pr ESCAPE expr ISNULL NOTNULL NOT NULL expr IS NOT DISTINCT FROM';

export const anchorCases: AnchorCase[] = [
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
    name: 'an empty text node inside the quote',
    html: '<p>The qu</p>',
    build: (root) => root.querySelector('p')?.append(document.createTextNode(''), 'ick brown fox'),
    selectors: [quote('quick', 'The ', ' brown'), position(4, 9)],
    expected: [0, 4, 2, 3],
  },
  {
    name: 'empty text nodes on both sides of the quote are not where it starts or ends',
    html: '<p><b>quick</b></p>',
    build: (root) => {
      const b = root.querySelector('b');
      b?.before(document.createTextNode(''));
      b?.prepend(document.createTextNode(''));
      b?.append(document.createTextNode(''));
      b?.after(document.createTextNode(''));
    },
    selectors: [quote('quick'), position(0, 5)],
    expected: [2, 0, 2, 5],
  },
  {
    name: 'a quote across truly nested inline elements',
    html: '<p>The <b>qu<i>ic</i></b>k brown fox</p>',
    selectors: [quote('quick', 'The ', ' brown'), position(4, 9)],
    expected: [1, 0, 3, 1],
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
    name: 'text only inside a <template> is never matched',
    html: '<p>visible words</p><template><p>hidden words here</p></template>',
    // Parsed template content lives in a fragment; a text child of the element itself is the
    // case a careless tree walk would see.
    build: (root) => root.querySelector('template')?.append('hidden words here'),
    selectors: [quote('hidden words here', '', ''), position(14, 31)],
    expected: null,
  },
  {
    name: 'text only inside a <style> is never matched',
    html: '<p>visible words</p><style>.hidden-rule { color: red }</style>',
    selectors: [quote('.hidden-rule { color: red }', 'visible words ', ''), position(14, 41)],
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
    name: 'a near-exact match where expected beats an exact copy far away',
    html: `<p>Intro text here. for item in itms: print(item) and then more words.</p><p>${filler}</p><p>Elsewhere: ${loop} in another place.</p>`,
    selectors: [
      quote(loop, 'Intro text here. ', (' and then more words. ' + filler).slice(0, 32)),
      position(17, 17 + loop.length),
    ],
    expected: [0, 17, 0, 46],
  },
  {
    name: 'a passage edited in place is not replaced by an identical copy far away',
    html: `<p>${nullTest.replace('NOT NULL', 'jlnrkbor NULL')}</p><p>${filler}</p><p>${nullTest}</p>`,
    selectors: [
      quote(
        'LL NOT NULL',
        'pr ESCAPE expr ISNULL NOTNU',
        (' expr IS NOT DISTINCT FROM ' + filler).slice(0, 32),
      ),
      position(27, 38),
    ],
    expected: null,
  },
  {
    name: 'position alone when there is no quote',
    html: '<p>abc def</p>',
    selectors: [position(4, 7)],
    expected: [0, 4, 0, 7],
  },
];

/** A quote as other tools may write it: context left out, whitespace as on the page. */
function written(exact: string, context: { prefix?: string; suffix?: string } = {}): AnySelector {
  return { type: 'TextQuoteSelector', exact, ...context };
}

/** A script before the text: other tools count its characters, the engine does not. */
const bigScript = `<script>${'var pad = 0;\n'.repeat(300)}</script>`;
const table = (rows: string[][]): string =>
  `<table>${rows.map((r) => `<tr>${r.map((c) => `\n      <td>${c}</td>`).join('')}\n    </tr>`).join('')}</table>`;

/**
 * Selectors other tools write (issue 15): the W3C model leaves prefix and suffix out at will,
 * keeps the page's whitespace, and counts positions in plain textContent.
 */
export const interopCases: AnchorCase[] = [
  {
    name: 'a quote with neither prefix nor suffix',
    html: '<p>The quick brown fox</p>',
    selectors: [written('brown')],
    expected: [0, 10, 0, 15],
  },
  {
    name: 'a quote with a prefix only, and one with a suffix only',
    html: '<p>x = 1</p><p>print(x)</p><p>x = 1</p><p>print(y)</p>',
    selectors: [written('x = 1', { suffix: '\nprint(y)' })],
    expected: [2, 0, 2, 5],
  },
  {
    name: 'a quote with empty context strings',
    html: '<p>The quick brown fox</p>',
    selectors: [written('quick', { prefix: '', suffix: '' }), position(4, 9)],
    expected: [0, 4, 0, 9],
  },
  {
    name: 'a quote with the raw whitespace of the page (tabs, newlines, runs of spaces)',
    html: '<p>alpha\n\t  beta</p>\n  <p>gamma   delta</p>',
    selectors: [written('beta\n  \ngamma   delta', { prefix: 'alpha\n\t  ' })],
    expected: [0, 9, 2, 13],
  },
  {
    name: 'a quote that begins and ends with whitespace, its context glued to it',
    html: '<p>first line</p>\n<p>  second line  </p>\n<p>third</p>',
    selectors: [written('\n  second line  \n', { prefix: 'first line', suffix: 'third' })],
    expected: [2, 2, 2, 13],
  },
  {
    name: 'a quote whose whitespace was collapsed by the tool that wrote it',
    html: '<pre>def f():\n    return   1</pre>',
    selectors: [written('f(): return 1', { prefix: 'def ' })],
    expected: [0, 4, 0, 23],
  },
  {
    name: 'a position counted in textContent, far past a script, for the second of two repeats',
    html: `${bigScript}<p>see the docs first.</p><p>Then see the docs again.</p>`,
    // textContent: the script's 3900 characters, then 'see the docs first.Then see the docs…'.
    selectors: [
      written('see the docs', { prefix: 'see the docs first.Then ', suffix: ' again.' }),
      position(3900 + 24, 3900 + 36),
    ],
    expected: [2, 5, 2, 17],
  },
  ...[0, 1].map((row) => ({
    name: `a position counted in textContent decides between two table cells alike (row ${row + 1})`,
    html:
      bigScript +
      table([
        ['ISO-8859-1', 'western European'],
        ['ISO-8859-1', 'western European'],
      ]),
    // textContent: the script's 3900 characters, then each row is 45 characters, its second
    // cell 24 characters in: '\n      ISO-8859-1\n      western European\n    '.
    selectors: [
      written('western European', { prefix: '\n      ', suffix: '\n    ' }),
      position(3900 + 45 * row + 24, 3900 + 45 * row + 40),
    ],
    // Text nodes: the script's, then five per row.
    expected: [4 + 5 * row, 0, 4 + 5 * row, 16] as [number, number, number, number],
  })),
  {
    name: 'a quote that runs through script text in textContent, placed by its position',
    html: '<p>before the <b>script</b></p><script>var s = 1;</script><p>after it</p>',
    selectors: [
      written('script</b>'.slice(0, 6) + 'var s = 1;after', {
        prefix: 'before the ',
        suffix: ' it',
      }),
      position(11, 32),
    ],
    expected: [1, 0, 3, 5],
  },
  {
    name: 'a position far off in another text model is only a hint: the quote decides',
    html: '<p>The quick brown fox jumps over the lazy dog</p>',
    selectors: [written('lazy dog', { prefix: 'over the ' }), position(5000, 5008)],
    expected: [0, 35, 0, 43],
  },
  {
    name: 'without a position, the context still guides a fuzzy search past a closer copy',
    html: `<p>Intro: for item in itms: print(item) then more words.</p><p>${'Lorem ipsum dolor sit amet. '.repeat(20)}</p><p>Other: for item in items: print(item) elsewhere.</p>`,
    selectors: [written(loop, { prefix: 'Intro: ', suffix: ' then more words.' })],
    expected: [0, 7, 0, 36],
  },
  {
    name: 'between candidates alike, the one nearest the hint wins',
    html: `<p>same</p><p>${'Lorem ipsum dolor sit amet. '.repeat(5)}</p><p>same</p><p>${'Lorem ipsum dolor sit amet. '.repeat(5)}</p><p>same</p>`,
    selectors: [written('same'), position(150, 154)],
    expected: [2, 0, 2, 4],
  },
  {
    name: 'a quote alone that the page holds once is placed there',
    html: `<p>${'Lorem ipsum dolor sit amet. '.repeat(5)}</p><p>Ship the smallest useful change first.</p>`,
    selectors: [written('Ship the smallest useful change first.')],
    expected: [1, 0, 1, 38],
  },
  {
    name: 'a quote alone, edited a little on the page, is placed by its one fuzzy match',
    html: `<p>${'Lorem ipsum dolor sit amet. '.repeat(5)}</p><p>Ship the smallest useful change first!</p>`,
    selectors: [written('Ship the smalest useful change first.')],
    expected: [1, 0, 1, 37],
  },
  {
    name: 'a quote alone that the page repeats is not placed on a guess',
    html: `<p>Write it down.</p><p>${'Lorem ipsum dolor sit amet. '.repeat(5)}</p><p>Write it down.</p>`,
    selectors: [written('Write it down.')],
    expected: null,
  },
  {
    name: 'a quote alone with two fuzzy matches alike is not placed on a guess',
    html: `<p>Ship the smallest useful change first!</p><p>${'Lorem ipsum dolor sit amet. '.repeat(5)}</p><p>Ship the smallest useful change first?</p>`,
    selectors: [written('Ship the smallest useful change first.')],
    expected: null,
  },
  {
    name: 'an empty quote is refused, even beside a usable position',
    html: '<p>abc def</p>',
    selectors: [written(''), position(4, 7)],
    expected: null,
  },
  {
    name: 'a quote of only whitespace is refused',
    html: '<p>abc def</p>',
    selectors: [written(' \n\t '), position(3, 4)],
    expected: null,
  },
  {
    name: 'a position past the end of the text is refused',
    html: '<p>abc def</p>',
    selectors: [position(4, 70)],
    expected: null,
  },
  {
    name: 'a position that ends before it starts is refused',
    html: '<p>abc def</p>',
    selectors: [position(5, 2)],
    expected: null,
  },
  {
    name: 'a position of negative or fractional numbers is refused',
    html: '<p>abc def</p>',
    selectors: [{ type: 'TextPositionSelector', start: -1, end: 2.5 }],
    expected: null,
  },
  {
    name: 'an out-of-range position beside a quote is ignored, the quote placed',
    html: '<p>abc def</p>',
    selectors: [written('def', { prefix: 'abc ' }), position(900, -4)],
    expected: [0, 4, 0, 7],
  },
  {
    name: 'a position-only selector is used as it stands',
    html: '<p>abc  def</p>',
    selectors: [position(4, 7)],
    expected: [0, 5, 0, 8],
  },
  {
    name: 'selector types the engine does not use are passed over',
    html: '<p>abc def</p>',
    selectors: [
      { type: 'CssSelector', value: 'p' } as AnySelector,
      {
        type: 'TextQuoteSelector',
        exact: 'def',
        prefix: 7,
        suffix: null,
      } as unknown as AnySelector,
    ],
    expected: [0, 4, 0, 7],
  },
];

/** What describe stores for a case's range. */
export function runDescribeCase(c: DescribeCase): Selector[] {
  const root = mount(c.html);
  c.build?.(root);
  return describe(root, rangeOver(root, c.from, c.to));
}

export function expectedSelectors(c: DescribeCase): Selector[] {
  return [
    { type: 'TextQuoteSelector', exact: c.exact, prefix: c.prefix, suffix: c.suffix },
    { type: 'TextPositionSelector', start: c.start, end: c.start + c.exact.length },
  ];
}

/** Where anchor places a case's selectors. */
export function runAnchorCase(c: AnchorCase): [number, number, number, number] | null {
  const root = mount(c.html);
  c.build?.(root);
  return where(root, anchor(root, c.selectors));
}
