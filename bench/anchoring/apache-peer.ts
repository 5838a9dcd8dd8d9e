// The @apache-annotator/dom peer, bundled on its own: version 0.2.0 imports
// @apache-annotator/selector without declaring it, so when that package is absent the bench
// reports this peer as not run instead of failing.

import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import type { RawSelectors } from './raw-text';

/** The first match the matcher yields (it matches quote, prefix and suffix exactly). */
export async function peerApacheAnnotator(
  root: Element,
  selectors: RawSelectors,
): Promise<Range | null> {
  const matches = createTextQuoteSelectorMatcher(selectors.quote)(root);
  for await (const match of matches) return match;
  return null;
}
