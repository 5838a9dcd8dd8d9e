// A text with the words the query matched in <mark>, as the review page marks them too.
import { markMatches } from '../../shared/search-words';

export function Marked({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {markMatches(text, terms).map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : part.text,
      )}
    </>
  );
}
