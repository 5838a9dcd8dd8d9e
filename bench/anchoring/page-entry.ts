// Everything the bench runs inside the page, bundled into one script: our engine, what the floor
// measures, two of the peers (apache-peer.ts is bundled on its own), and the tools that pick ranges, edit the page and judge results.

import { toRange as domAnchorTextQuote } from 'dom-anchor-text-quote';
import { anchorAll, describe } from '../../src/anchoring';
import { buildTextMapNow, rangeAt } from '../../src/anchoring/text-map';
import { editPage } from './edit-page';
import { anchorLikeHypothesis } from './hypothesis-approach';
import { randomRanges } from './page-tools';
import { describeRaw, type RawSelectors } from './raw-text';

export { anchorAll, describe, editPage, randomRanges, describeRaw };
export { recordTruth, isExact, judge } from './truth';

/** The cost no engine can beat: build the text map, make Ranges from stored positions. */
export function floor(root: Element, positions: readonly { start: number; end: number }[]) {
  const map = buildTextMapNow(root);
  return positions.map((p) => rangeAt(map, p.start, p.end));
}

export function peerDomAnchorTextQuote(root: Element, selectors: RawSelectors): Range | null {
  return domAnchorTextQuote(root, selectors.quote, { hint: selectors.position.start });
}

export const peerHypothesisApproach = anchorLikeHypothesis;

/** Length of the text our engine sees. */
export function textLength(root: Element): number {
  return buildTextMapNow(root).text.length;
}

/** Makes the next anchorAll build its text map afresh, as on a new visit. */
export function forgetTextMap(root: Element): void {
  root.appendChild(document.createTextNode('')).remove();
}
