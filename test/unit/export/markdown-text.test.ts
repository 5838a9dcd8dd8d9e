// mdText skips its replacements when a test says they would change nothing; for any text it
// must give what the plain collapse, trim and escape give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mdText } from '../../../src/shared/markdown';

const plain = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]<>#|~])/g, '\\$1');

const PIECES = ['a', 'word', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '*', '_', '[', ']'];
const PIECES_MORE = ['<', '>', '#', '|', '~', '`', '\\', 'é', '—', '🙂'];

describe('mdText', () => {
  it('equals the plain collapse, trim and escape', () => {
    const text = fc
      .array(fc.constantFrom(...PIECES, ...PIECES_MORE), { maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(fc.property(fc.oneof(text, fc.string()), (t) => mdText(t) === plain(t)));
  });

  it('leaves ordinary text as it is', () => {
    expect(mdText('staff engineer archetype')).toBe('staff engineer archetype');
    expect(mdText('  a\u00a0*b*  ')).toBe('a \\*b\\*');
  });
});
