// The anchoring engine: turns a selection into stored selectors (describe) and stored selectors
// back into Ranges on a later visit (anchor, anchorAll). Pure DOM — no extension APIs, no storage —
// so it can be tested and benchmarked on its own.
//
// anchorAll returns a Promise: on a 3 M-character page with 1000 highlights it yields to the event
// loop between slices of work so that no main-thread task reaches 50 ms. anchor is synchronous.
// Positions in TextPositionSelector count characters of the normalised text (see text-map.ts),
// where each whitespace run, <br> and block boundary is one space.

export type { AnySelector, Selector, TextPositionSelector, TextQuoteSelector } from './types';
export { describe } from './describe';
export { anchor, anchorAll } from './anchor';
export { prepare } from './prepare';
