// One row of the library: the quote with the search's matches marked, then where and when it
// was read and its tags. Rows have a fixed height; long quotes are cut by the stylesheet. A row
// whose data is unchanged is not drawn again when the list is (as a sync's batches arrive).
import { Component } from 'preact';
import { sameData } from '../../../shared/same-data';
import type { TagRecord } from '../../../shared/types';
import type { LibraryRow } from '../../../storage/search/library';
import { fullDate } from '../../common/format';
import { Marked } from '../../popup/Marked';

interface Props {
  row: LibraryRow | undefined;
  terms: readonly string[];
  tags: ReadonlyMap<string, TagRecord>;
}

function Row({ row, terms, tags }: Props) {
  if (!row) return <div class="row-body placeholder" aria-hidden="true" />;
  const { highlight, page } = row;
  const tagNames = highlight.tagIds.flatMap((id) => {
    const tag = tags.get(id);
    return tag ? [tag.name] : [];
  });
  return (
    <div class="row-body" data-highlight-id={highlight.id}>
      <p class="quote">
        <span class={`swatch swatch-${highlight.color}`} aria-hidden="true" />{' '}
        <Marked text={highlight.quote} terms={terms} />
      </p>
      <p class="meta">
        <span class="title">
          <Marked text={page?.title ?? 'Unknown page'} terms={terms} />
        </span>
        <span> · {page?.site}</span>
        <span> · {fullDate(highlight.createdAt)}</span>
        {tagNames.length > 0 && <span class="tags"> · {tagNames.join(', ')}</span>}
        {highlight.note && (
          <span class="note">
            {' '}
            · Note: <Marked text={highlight.note} terms={terms} />
          </span>
        )}
      </p>
    </div>
  );
}

export class HighlightRow extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    const { row, terms, tags } = this.props;
    return next.terms !== terms || next.tags !== tags || !sameData(next.row, row);
  }

  override render() {
    return <Row {...this.props} />;
  }
}
