// The W3C Web Annotation selectors a highlight is stored as. Their names and shapes are fixed by
// issue 3 so that other tools can read what Trailmark saves.

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * Offsets into the normalised page text (see text-map.ts) as describe writes them; other tools
 * count plain textContent (find.ts). Beside a quote, only ever used as a hint.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/**
 * What anchor accepts: any W3C selector. Other tools may leave out the quote's context (optional
 * in the W3C model) or add selector types the engine does not use; read-selectors.ts checks every
 * field whatever the type says.
 */
export type AnySelector =
  | Selector
  | (Omit<TextQuoteSelector, 'prefix' | 'suffix'> & { prefix?: string; suffix?: string })
  | { readonly type: string };
