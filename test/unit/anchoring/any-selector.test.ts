// @vitest-environment happy-dom
// Whatever a selector list holds — other tools' selectors, a damaged import, junk — anchor and
// anchorAll answer with a Range inside the root or null, and never throw (issue 15).
import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, type AnySelector } from '../../../src/anchoring';
import { better, score } from '../../../src/anchoring/score';
import { mount } from './helpers';

const SEED = 20261206;
const PAGE =
  '<p>The quick  brown fox</p><script>var x = 1;</script><p>jumps\n over\tthe lazy dog.</p>' +
  '<p>The quick brown fox again</p>';

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '\n\t ', 'quick', 'brown fox', ' over\tthe ', 'The quick  brown'),
);
const number = fc.oneof(
  fc.integer({ min: -5, max: 200 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 2 ** 53, -0),
);
const field = fc.oneof(text, number, fc.constant(null), fc.constant(undefined), fc.anything());
const type = fc.constantFrom(
  'TextQuoteSelector',
  'TextPositionSelector',
  'CssSelector',
  'RangeSelector',
  '',
);
const selector = fc.oneof(
  fc.record(
    { type, exact: field, prefix: field, suffix: field, start: field, end: field },
    { requiredKeys: ['type'] },
  ),
  fc.record({ type: fc.constant('TextQuoteSelector'), exact: text, prefix: text, suffix: text }),
  fc.record({ type: fc.constant('TextPositionSelector'), start: number, end: number }),
  fc.anything(),
);
const selectors = fc.array(selector, { maxLength: 4 }) as fc.Arbitrary<AnySelector[]>;

function inside(root: Element, range: Range | null): boolean {
  return (
    range === null || (root.contains(range.startContainer) && root.contains(range.endContainer))
  );
}

suite('anchoring any selector list', () => {
  it('anchor never throws and answers a Range inside the root or null', () => {
    const root = mount(PAGE);
    fc.assert(
      fc.property(selectors, (list) => {
        expect(inside(root, anchor(root, list))).toBe(true);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('anchorAll never rejects, and answers one entry per list', async () => {
    const root = mount(PAGE);
    await fc.assert(
      fc.asyncProperty(fc.array(selectors, { maxLength: 6 }), async (lists) => {
        const ranges = await anchorAll(root, lists);
        expect(ranges).toHaveLength(lists.length);
        expect(ranges.every((r) => inside(root, r))).toBe(true);
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('a list that is not a list, or holds getters that throw, anchors to null', () => {
    const root = mount(PAGE);
    const trap = {
      type: 'TextQuoteSelector',
      get exact(): string {
        throw new Error('hostile getter');
      },
    };
    expect(anchor(root, [trap])).toBeNull();
    expect(anchor(root, null as unknown as AnySelector[])).toBeNull();
    expect(anchor(root, 'TextQuoteSelector' as unknown as AnySelector[])).toBeNull();
  });
});

suite('scoring evidence', () => {
  const page = 'aaaa the needle bbbb ' + 'x'.repeat(100) + ' cccc the needle dddd';

  it('an empty stored context is no evidence: it does not count as a match', () => {
    const candidate = { start: 5, end: 15, errors: 0 };
    const withWrongSuffix = { exact: 'the needle', prefix: '', suffix: ' zzzz' };
    const withBothWrong = { exact: 'the needle', prefix: 'zzzz ', suffix: ' zzzz' };
    // The empty prefix must weigh nothing, not a perfect match: the evidence is the same as with
    // no prefix weight at all, below that of a prefix that matches.
    const emptyPrefix = score(page, withWrongSuffix, candidate, undefined).evidence;
    const matchingPrefix = score(
      page,
      { ...withWrongSuffix, prefix: 'aaaa ' },
      candidate,
      undefined,
    ).evidence;
    expect(emptyPrefix).toBeLessThan(matchingPrefix);
    expect(emptyPrefix).toBeGreaterThan(score(page, withBothWrong, candidate, undefined).evidence);
    expect(emptyPrefix).toBeLessThan(0.8);
  });

  it('between equally good candidates the one nearest the expected position wins', () => {
    const quote = { exact: 'the needle', prefix: '', suffix: '' };
    const second = page.lastIndexOf('the needle');
    const first = page.indexOf('the needle');
    const expected = second - 40;
    const a = score(page, quote, { start: first, end: first + 10, errors: 0 }, expected);
    const b = score(page, quote, { start: second, end: second + 10, errors: 0 }, expected);
    expect(better(a, b)?.start).toBe(second);
    expect(better(b, a)?.start).toBe(second);
    // Both within the tolerance of the expected position: equal rank, distance decides.
    const near = second - 30;
    const c = score(page, quote, { start: second - 20, end: second - 10, errors: 0 }, near);
    const d = score(page, quote, { start: second, end: second + 10, errors: 0 }, near);
    expect(c.rank).toBe(d.rank);
    expect(better(d, c)?.start).toBe(second - 20);
  });
});
