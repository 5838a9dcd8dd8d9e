import { describe, expect, it } from 'vitest';
import { followedBy, type CreateRequest } from '../../../src/content/create-request';

const highlight: CreateRequest = { color: 'yellow', then: undefined, tagIds: [], focus: 'first' };

describe('a second press while a create is starting', () => {
  it.each<[string, CreateRequest, Partial<CreateRequest>]>([
    ['T after Highlight opens the tag field', { ...highlight, then: 'tag' }, { then: 'tag' }],
    ['3 after Highlight makes it blue', { ...highlight, color: 'blue' }, { color: 'blue' }],
    [
      'a tag chip after Highlight adds its tag',
      { ...highlight, tagIds: ['solver'] },
      { tagIds: ['solver'] },
    ],
  ])('%s', (_, next, change) => {
    expect(followedBy(highlight, next)).toEqual({ ...highlight, ...change });
  });

  it('keeps the first field and both tag lists when the second asks for neither', () => {
    const first: CreateRequest = { ...highlight, then: 'note', tagIds: ['a'], focus: 'none' };
    expect(followedBy(first, { ...highlight, tagIds: ['a', 'b'] })).toEqual({
      ...first,
      tagIds: ['a', 'b'],
    });
  });
});
