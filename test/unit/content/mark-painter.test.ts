// @vitest-environment happy-dom
// The fallback painter splits and moves the page's text nodes; the ranges the page state keeps
// for hit-testing, hover and reveal must still cover their text afterwards.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPainter } from '../../../src/content/highlight-painter';
import { createMarkPainter } from '../../../src/content/mark-painter';
import { names } from '../../../src/content/page-names';
import { boundedByMarks, markedText, rangeOf, textNodes } from './page-text';

const PAGE = '<p id="p">The quick brown fox <b>jumps over</b> the lazy dog.</p>';

let original: Text[];
beforeEach(() => {
  document.body.innerHTML = PAGE;
  original = textNodes();
});

/** The page is back as it was: same markup and the very same text nodes. */
function expectPageRestored(): void {
  expect(document.body.innerHTML).toBe(PAGE);
  expect(textNodes()).toEqual(original);
  textNodes().forEach((node, i) => expect(node).toBe(original[i]));
}

describe('mark painter', () => {
  it('is what createPainter gives where the Highlight API is missing', () => {
    const range = rangeOf('quick');
    createPainter().paint('a', range, 'yellow');
    expect(markedText()).toEqual({ a: 'quick' });
  });

  it('leaves the stored range on exactly the wrapped text', () => {
    const painter = createMarkPainter();
    const range = rangeOf('brown fox jumps');
    painter.paint('a', range, 'green');
    expect(markedText()).toEqual({ a: 'brown fox jumps' });
    expect(range.toString()).toBe('brown fox jumps');
    expect(boundedByMarks(range, 'a')).toBe(true);
    const inside = document.querySelector(`b ${names().mark}`)?.firstChild as Text;
    expect(range.isPointInRange(inside, 2)).toBe(true);
  });

  it('gives the page its own text nodes back on removal, and keeps the range for an undo', () => {
    const painter = createMarkPainter();
    const range = rangeOf('brown fox jumps');
    painter.paint('a', range, 'yellow');
    painter.remove('a');
    expectPageRestored();
    expect(range.toString()).toBe('brown fox jumps');
    painter.paint('a', range, 'yellow');
    expect(markedText()).toEqual({ a: 'brown fox jumps' });
  });

  it('recolours on the same range without losing any text', () => {
    const painter = createMarkPainter();
    const range = rangeOf('quick brown');
    painter.paint('a', range, 'yellow');
    painter.paint('a', range, 'blue');
    painter.paint('a', range, 'pink');
    expect(markedText()).toEqual({ a: 'quick brown' });
    expect(document.querySelectorAll(names().mark)).toHaveLength(1);
    expect(range.toString()).toBe('quick brown');
    expect(boundedByMarks(range, 'a')).toBe(true);
  });

  it('keeps overlapping highlights whole, in either order of removal', () => {
    for (const order of [
      ['a', 'b'],
      ['b', 'a'],
    ]) {
      document.body.innerHTML = PAGE;
      original = textNodes();
      const painter = createMarkPainter();
      // Each range is taken from the page as it is when drawn, as a selection would be.
      const ranges: Record<string, Range> = { a: rangeOf('quick brown') };
      painter.paint('a', ranges.a as Range, 'yellow');
      ranges.b = rangeOf('brown fox');
      painter.paint('b', ranges.b, 'blue');
      expect(markedText()).toEqual({ a: 'quick brown', b: 'brown fox' });
      expect(ranges.a?.toString()).toBe('quick brown');
      expect(ranges.b?.toString()).toBe('brown fox');
      const [first = '', second = ''] = order;
      painter.remove(first);
      expect(markedText()).toEqual({ [second]: ranges[second]?.toString() });
      expect(boundedByMarks(ranges[second] as Range, second)).toBe(true);
      painter.remove(second);
      expectPageRestored();
    }
  });

  it('draws a batch whose ranges share text nodes, as the restorer hands them over', () => {
    const painter = createMarkPainter();
    const items = [
      { id: 'a', range: rangeOf('The quick'), color: 'yellow' as const },
      { id: 'b', range: rangeOf('quick brown'), color: 'green' as const },
      { id: 'c', range: rangeOf('brown'), color: 'blue' as const },
      { id: 'd', range: rangeOf('fox jumps over the'), color: 'pink' as const },
    ];
    const quotes = Object.fromEntries(items.map(({ id, range }) => [id, range.toString()]));
    painter.paintAll(items);
    expect(markedText()).toEqual(quotes);
    for (const { id, range } of items) expect(boundedByMarks(range, id)).toBe(true);
    painter.paintAll(items);
    expect(markedText()).toEqual(quotes);
    for (const { id } of items) painter.remove(id);
    expectPageRestored();
  });

  it('keeps a highlight nested inside another when the outer one goes', () => {
    const painter = createMarkPainter();
    const outer = rangeOf('quick brown fox jumps');
    painter.paint('outer', outer, 'yellow');
    const inner = rangeOf('fox');
    painter.paint('inner', inner, 'blue');
    painter.remove('outer');
    expect(markedText()).toEqual({ inner: 'fox' });
    expect(inner.toString()).toBe('fox');
    expect(outer.toString()).toBe('quick brown fox jumps');
    painter.remove('inner');
    expectPageRestored();
  });

  it('does not join text nodes the page keeps apart', () => {
    const p = document.getElementById('p') as HTMLElement;
    p.replaceChildren('Hello, ', 'Bob', '!');
    const own = [...p.childNodes];
    const painter = createMarkPainter();
    painter.paint('a', rangeOf('lo, B'), 'yellow');
    painter.remove('a');
    expect([...p.childNodes]).toEqual(own);
    own.forEach((node, i) => expect(p.childNodes[i]).toBe(node));
    expect(p.textContent).toBe('Hello, Bob!');
  });

  it('takes a selection that starts and ends between elements', () => {
    document.body.innerHTML = '<div><p>First para.</p>\n  <p>Second para.</p></div>';
    const div = document.querySelector('div') as HTMLElement;
    const range = document.createRange();
    range.setStart(div, 0);
    range.setEnd(div, div.childNodes.length);
    createMarkPainter().paint('a', range, 'yellow');
    expect(markedText()).toEqual({ a: 'First para.Second para.' });
    // The whitespace between the paragraphs is left unwrapped, so no box appears between them.
    expect(div.childNodes[1]?.nodeType).toBe(Node.TEXT_NODE);
    expect(range.toString()).toBe('First para.\n  Second para.');
    expect(boundedByMarks(range, 'a')).toBe(true);
  });

  it('leaves text alone that an element inside would break', () => {
    document.body.innerHTML = '<p>before</p><style>p { color: red }</style><p>after</p>';
    createMarkPainter().paint('a', rangeOf('beforep { color: red }after'), 'yellow');
    expect(markedText()).toEqual({ a: 'beforeafter' });
    expect(document.querySelector('style')?.innerHTML).toBe('p { color: red }');
  });

  it('makes every DOM change inside the guard it was given', () => {
    const painter = createMarkPainter();
    const guard = vi.fn((change: () => void) => change());
    painter.guardChanges(guard);
    const range = rangeOf('quick');
    painter.paint('a', range, 'yellow');
    painter.remove('a');
    expect(guard).toHaveBeenCalledTimes(2);
    expectPageRestored();
  });
});
