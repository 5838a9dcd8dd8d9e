// Size limits every context agrees on: the content script trims to them, the background refuses
// anything above them, so no page can make Trailmark store megabytes per click.
export const LIMITS = {
  /** A whole serialised message. */
  messageBytes: 256 * 1024,
  url: 4096,
  title: 1000,
  quote: 20_000,
  context: 512,
  note: 10_000,
  tagName: 60,
  tagIds: 64,
  id: 64,
  selectors: 4,
  batch: 2000,
  /** Check-ins kept per goal: years of monthly ones. */
  checkIns: 240,
  /** Questions for the talk per goal, and the length of one. */
  questions: 50,
  question: 500,
  /** One reading-time report: reports come every 30 s, so anything much longer is forged. */
  readingReportMs: 10 * 60 * 1000,
} as const;

/**
 * New tags web pages may add through the toolbar in an hour, per page and in all: enough for a
 * reader tagging as they read, too few for a page to flood the tag list. Reusing a tag is free;
 * Trailmark's own pages are not bounded.
 */
export const PAGE_TAG_ALLOWANCE = { perPage: 10, total: 30, windowMs: 60 * 60 * 1000 } as const;
