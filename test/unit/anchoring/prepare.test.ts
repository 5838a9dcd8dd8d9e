// @vitest-environment happy-dom
// prepare must leave describe nothing to build: the one synchronous build of a whole page's text
// is what froze huge pages when the reader chose Highlight.
import { beforeEach, describe as suite, expect, it, vi } from 'vitest';
import * as textMap from '../../../src/anchoring/text-map';
import { describe, prepare } from '../../../src/anchoring';
import { mount, rangeOver } from './helpers';

vi.mock('../../../src/anchoring/text-map', async (original) => {
  const actual = await original<typeof textMap>();
  return { ...actual, buildTextMapNow: vi.fn(actual.buildTextMapNow) };
});

const builtAtOnce = vi.mocked(textMap.buildTextMapNow);

suite('prepare', () => {
  beforeEach(() => {
    builtAtOnce.mockClear();
  });

  it('without it, describe builds the text map in one go (what prepare spares)', () => {
    const root = mount('<p>alpha beta gamma</p>');
    describe(root, rangeOver(root, [0, 6], [0, 10]));
    expect(builtAtOnce).toHaveBeenCalledTimes(1);
  });

  it('after it, describe reads the prepared map and gives the same selectors', async () => {
    const root = mount('<p>alpha <b>beta</b> gamma</p>');
    await prepare(root);
    const selectors = describe(root, rangeOver(root, [1, 0], [1, 4]));
    expect(builtAtOnce).not.toHaveBeenCalled();
    expect(selectors).toEqual([
      { type: 'TextQuoteSelector', exact: 'beta', prefix: 'alpha ', suffix: ' gamma' },
      { type: 'TextPositionSelector', start: 6, end: 10 },
    ]);
  });

  it('shares one build between calls made while it runs', async () => {
    const root = mount('<p>one two three</p>');
    const first = prepare(root);
    expect(prepare(root)).toBe(first);
    await first;
  });

  it('builds again once the page changed, so describe never reads stale text', async () => {
    const root = mount('<p>alpha beta</p>');
    await prepare(root);
    root.querySelector('p')?.prepend('new ');
    await prepare(root);
    const [quote] = describe(root, rangeOver(root, [1, 0], [1, 5]));
    expect(builtAtOnce).not.toHaveBeenCalled();
    expect(quote).toMatchObject({ exact: 'alpha', prefix: 'new ' });
  });
});
