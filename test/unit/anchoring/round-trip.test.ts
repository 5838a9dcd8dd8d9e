// @vitest-environment happy-dom
// Property tests: whatever the DOM shape, what describe stores is what anchor finds again, on the
// same page and after the edits pages undergo between visits.
import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { anchor, describe, type Selector } from '../../../src/anchoring';
import { mount, textNodes } from './helpers';

type Tree = string | { tag: string; children: Tree[] };

const word = fc.constantFrom('staff', 'tech', 'lead', 'x = 1', 'solver', 'of', 'the', 'a');
const gap = fc.constantFrom(' ', '  ', '\n', '\t ', '');
const textLeaf = fc
  .array(fc.tuple(word, gap), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.map(([w, g]) => w + g).join(''));

const tree: fc.Arbitrary<Tree[]> = fc.letrec((tie) => ({
  node: fc.oneof(
    { weight: 3, arbitrary: textLeaf },
    { weight: 1, arbitrary: fc.constant('<br>') },
    { weight: 1, arbitrary: fc.constant('<script>') },
    {
      weight: 2,
      arbitrary: fc.record({
        tag: fc.constantFrom('p', 'b', 'i', 'div', 'span', 'li'),
        children: fc.array(tie('node'), { maxLength: 4 }),
      }),
    },
  ),
  forest: fc.array(tie('node'), { minLength: 1, maxLength: 6 }),
})).forest as fc.Arbitrary<Tree[]>;

function render(nodes: Tree[]): string {
  return nodes
    .map((n) => {
      if (n === '<br>') return '<br>';
      if (n === '<script>') return '<script>staff lead</script>';
      if (typeof n === 'string') return n.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      return `<${n.tag}>${render(n.children)}</${n.tag}>`;
    })
    .join('');
}

/** A range between two points chosen by fractions of the visible text nodes. */
function pickRange(root: HTMLElement, a: number, b: number, c: number, d: number): Range | null {
  const nodes = textNodes(root).filter((n) => !n.parentElement?.closest('script'));
  if (nodes.length === 0) return null;
  const [first, second] = a <= b ? [a, b] : [b, a];
  const start = nodes[Math.floor(first * nodes.length)];
  const end = nodes[Math.floor(second * nodes.length)];
  if (!start || !end) return null;
  const range = document.createRange();
  range.setStart(start, Math.floor(c * (start.length + 1)));
  range.setEnd(end, Math.floor(d * (end.length + 1)));
  if (range.collapsed) return null;
  return range;
}

function quoteOf(selectors: Selector[]): string {
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  return quote?.type === 'TextQuoteSelector' ? quote.exact : '';
}

/** Splits every text node in two and joins none: the shape a re-rendered page may have. */
function splitAll(root: HTMLElement, at: number): void {
  for (const node of textNodes(root)) {
    if (node.length > 1) node.splitText(Math.max(1, Math.floor(at * node.length)));
  }
}

const fraction = fc.double({ min: 0, max: 0.999, noNaN: true });
const points = fc.tuple(fraction, fraction, fraction, fraction);

suite('describe → anchor round trip', () => {
  it('anchors on the unchanged page to a range that describes the same', () => {
    fc.assert(
      fc.property(tree, points, (forest, [a, b, c, d]) => {
        const root = mount(render(forest));
        const range = pickRange(root, a, b, c, d);
        if (!range) return;
        const stored = describe(root, range);
        if (quoteOf(stored).trim() === '') return;
        const found = anchor(root, stored);
        expect(found).not.toBeNull();
        expect(describe(root, found as Range)).toEqual(stored);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same quote after nodes are split, joined and text is inserted before', () => {
    fc.assert(
      fc.property(tree, points, fraction, fc.boolean(), (forest, [a, b, c, d], cut, join) => {
        const root = mount(render(forest));
        const range = pickRange(root, a, b, c, d);
        if (!range) return;
        const stored = describe(root, range);
        if (quoteOf(stored).trim() === '') return;
        splitAll(root, cut);
        if (join) root.normalize();
        root.prepend(Object.assign(document.createElement('p'), { textContent: 'Inserted. ' }));
        const found = anchor(root, stored);
        expect(found).not.toBeNull();
        expect(quoteOf(describe(root, found as Range))).toBe(quoteOf(stored));
      }),
      { numRuns: 300 },
    );
  });
});
