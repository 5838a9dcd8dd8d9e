// Highlights as W3C Web Annotations (JSON-LD), so other annotation tools can read them: the
// selectors are already stored in the Web Annotation shape; the note becomes a commenting body
// and each tag a tagging body. Every annotation carries its own @context as well as the collection,
// so that one copied out of the collection is still a valid Web Annotation on its own.
import { isoTime as iso } from './shown-date';
import type { HighlightRecord, PageRecord } from './types';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}

export interface WebAnnotation {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: { source: string; selector: HighlightRecord['selectors'] };
}

export function toAnnotation(
  highlight: HighlightRecord,
  page: Pick<PageRecord, 'url'>,
  tagNames: ReadonlyMap<string, string>,
): WebAnnotation {
  const tags = highlight.tagIds.flatMap((id) => {
    const name = tagNames.get(id);
    return name ? [{ type: 'TextualBody' as const, value: name, purpose: 'tagging' as const }] : [];
  });
  const note = highlight.note
    ? [
        {
          type: 'TextualBody' as const,
          value: highlight.note,
          purpose: 'commenting' as const,
          format: 'text/plain' as const,
        },
      ]
    : [];
  const body = [...note, ...tags];
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${highlight.id}`,
    type: 'Annotation',
    motivation: highlight.note ? 'commenting' : 'highlighting',
    created: iso(highlight.createdAt),
    modified: iso(highlight.updatedAt),
    ...(body.length > 0 ? { body } : {}),
    target: { source: page.url, selector: highlight.selectors },
  };
}

/** The opening of the collection, up to where its items go. */
export function collectionStart(total: number, now: number): string {
  const head = {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:trailmark:export:${now}`,
    type: 'AnnotationCollection',
    label: 'Trailmark highlights',
    total,
    first: { type: 'AnnotationPage', startIndex: 0, items: [] },
  };
  // The items are written after this text, a batch at a time, so the JSON is cut open there.
  return JSON.stringify(head, null, 1).replace(/\[\]\s*\}\s*\}$/, '[');
}

export const COLLECTION_END = '\n ]\n }\n}\n';
