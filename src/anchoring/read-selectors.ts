// Reads whatever a selector list holds into what the engine searches for. Selectors come from
// Trailmark itself and from other tools (imports, W3C annotations), and the W3C model leaves much
// open: prefix and suffix are optional, a quote may keep the page's raw whitespace (tabs, line
// breaks, runs of spaces), a position may count characters of another text model. So nothing is
// taken on trust: every field is checked, the quote is brought into the engine's text model, and
// a list that holds nothing usable reads as nothing, never as an error.

import type { Quote } from './score';

/** A position as far as its shape goes; whether it fits the page is the caller's question. */
export interface Hint {
  start: number;
  end: number;
}

export interface Target {
  /** The quote in the engine's text model. */
  quote: Quote | null;
  /** The quote as written, whitespace kept: how another text model would find it (context cut). */
  written: Quote | null;
  hint: Hint | null;
}

/** Context kept each side: twice what describe stores, so other tools' longer context helps. */
export const MAX_CONTEXT = 64;

const NOTHING: Target = { quote: null, written: null, hint: null };
const WHITESPACE_RUN = /[ \t\n\r\f]+/g;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Whitespace as the text model has it (text-map.ts): each run one space. */
function collapse(value: string): string {
  return value.replace(WHITESPACE_RUN, ' ');
}

/**
 * The quote in the engine's text model: runs collapsed; whitespace at either end of `exact` moved
 * into the context, since the engine never stores it inside a quote; a context of only whitespace
 * says nothing and is dropped; context longer than MAX_CONTEXT cut to its nearest part.
 */
export function quoteOf(selector: Record<string, unknown>): Quote {
  const exact = collapse(text(selector.exact));
  const lead = exact.startsWith(' ') ? 1 : 0;
  const trail = exact.length > lead && exact.endsWith(' ') ? 1 : 0;
  const prefix = collapse(text(selector.prefix) + ' '.repeat(lead)).slice(-MAX_CONTEXT);
  const suffix = collapse(' '.repeat(trail) + text(selector.suffix)).slice(0, MAX_CONTEXT);
  return {
    exact: exact.slice(lead, exact.length - trail),
    prefix: prefix === ' ' ? '' : prefix,
    suffix: suffix === ' ' ? '' : suffix,
  };
}

function writtenOf(selector: Record<string, unknown>): Quote {
  return {
    exact: text(selector.exact),
    prefix: text(selector.prefix).slice(-MAX_CONTEXT),
    suffix: text(selector.suffix).slice(0, MAX_CONTEXT),
  };
}

/** A position of whole, non-negative character counts, start not after end; else none. */
function hintOf(selector: Record<string, unknown>): Hint | null {
  const { start, end } = selector;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return null;
  const from = start as number;
  const to = end as number;
  return from >= 0 && from <= to ? { start: from, end: to } : null;
}

function firstOfType(list: readonly unknown[], type: string): Record<string, unknown> | null {
  for (const item of list) if (isRecord(item) && item.type === type) return item;
  return null;
}

function read(selectors: unknown): Target {
  if (!Array.isArray(selectors)) return NOTHING;
  const quoteSelector = firstOfType(selectors, 'TextQuoteSelector');
  const positionSelector = firstOfType(selectors, 'TextPositionSelector');
  const quote = quoteSelector ? quoteOf(quoteSelector) : null;
  const hint = positionSelector ? hintOf(positionSelector) : null;
  // A quote of no text is refused, not replaced by the position beside it.
  if (quote && quote.exact.length === 0) return NOTHING;
  const written = quoteSelector ? writtenOf(quoteSelector) : null;
  return { quote, written, hint };
}

export function targetOf(selectors: unknown): Target {
  // Getters or proxies in a selector list built by a page or a library could throw on reading.
  try {
    return read(selectors);
  } catch {
    return NOTHING;
  }
}
