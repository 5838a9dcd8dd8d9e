// The W3C Web Annotation selectors a highlight is stored as. Their names and shapes are fixed by
// issue 3 so that other tools can read what Trailmark saves.

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Offsets into the normalised page text (see text-map.ts); only ever used as a hint. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;
