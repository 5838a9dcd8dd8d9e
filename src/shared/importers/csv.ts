// Comma-separated values as RFC 4180 has them and spreadsheet tools write them: fields in double
// quotes may hold commas, line breaks and doubled quotes; lines end in LF or CRLF; a byte order
// mark may lead. Small enough to own (a library would add more than it saves here); a quote left
// open at the end means the file was cut short, and is refused rather than read as one big field.

export class CsvError extends Error {
  override name = 'CsvError';
}

/** Rows of fields; a blank line is no row. */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    row.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') endField();
    else if (c === '\n') endRow();
    else if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvError('a quoted field is never closed: the file looks cut short');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Rows as records keyed by the header row's names (trimmed); missing cells read as ''. */
export function csvRecords(input: string): { header: string[]; records: Record<string, string>[] } {
  const [head, ...rows] = parseCsv(input);
  const header = (head ?? []).map((name) => name.trim());
  const records = rows.map((cells) =>
    Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])),
  );
  return { header, records };
}
