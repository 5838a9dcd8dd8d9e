// Inputs that look like what the content script sends.
import type { NewHighlight } from '../../../src/storage/records/highlights';

export const URL_A = 'https://staffeng.com/guides/staff-archetypes';

export function newHighlight(overrides: Partial<NewHighlight> = {}): NewHighlight {
  return {
    id: crypto.randomUUID(),
    url: URL_A,
    title: 'Staff archetypes',
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: 'The Solver digs deep',
        prefix: 'forward. ',
        suffix: ' into',
      },
      { type: 'TextPositionSelector', start: 120, end: 140 },
    ],
    color: 'yellow',
    tagIds: [],
    note: '',
    ...overrides,
  };
}
