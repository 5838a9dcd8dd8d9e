// The anchoring engine: turns a selection into stored selectors (describe) and stored selectors
// back into Ranges on a later visit (anchor, anchorAll). Pure DOM — no extension APIs, no storage —
// so it can be tested and benchmarked on its own.
//
// anchorAll returns a Promise: on a 3 M-character page with 1000 highlights it yields to the event
// loop between slices of work so that no main-thread task reaches 50 ms. anchor is synchronous.
// Positions that describe writes count characters of the normalised text (see text-map.ts), where
// each whitespace run, <br> and block boundary is one space. anchor and anchorAll also take any
// W3C selectors other tools wrote — context left out, raw whitespace, positions counted in plain
// textContent (find.ts, read-selectors.ts) — and answer null, never an error, for what cannot be
// placed.

export type { AnySelector, Selector, TextPositionSelector, TextQuoteSelector } from './types';
export { describe } from './describe';
export { anchor, anchorAll } from './anchor';
export { prepare } from './prepare';
