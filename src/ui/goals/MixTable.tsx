// The table of the three mixes, one row per archetype given: the same columns and cells in the
// popup's goal card, the goal view and the printed 1:1 brief (the cells come from mix-table).
import { ARCHETYPES } from '../../shared/archetypes';
import { MIX_COLUMNS, mixCells, type ThreeMixesInput } from '../../shared/mix-table';

interface Props {
  input: ThreeMixesInput;
  /** Archetype ids, in the order shown. */
  ids: readonly string[];
  caption?: { text: string; hidden: boolean };
}

export function MixTable({ input, ids, caption }: Props) {
  return (
    <table class="mix-table">
      {caption && <caption class={caption.hidden ? 'sr-only' : undefined}>{caption.text}</caption>}
      <thead>
        <tr>
          {MIX_COLUMNS.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ids.map((id) => (
          <tr key={id}>
            <th scope="row">{ARCHETYPES.find((a) => a.id === id)?.name ?? id}</th>
            {mixCells(input, id).map((text, i) => (
              <td key={i}>{text}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
