import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../../../src/shared/importers/csv';
import { readColor } from '../../../src/shared/importers/import-colors';
import { readDate } from '../../../src/shared/importers/import-dates';
import { plainText } from '../../../src/shared/importers/plain-text';

describe('CSV', () => {
  it('reads quoted commas, doubled quotes, line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n"1,5","say ""hi""","two\r\nlines"\r\n\r\nx,,\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1,5', 'say "hi"', 'two\r\nlines'],
      ['x', '', ''],
    ]);
  });

  it('reads a last row with no line end, and refuses a quote never closed', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow(CsvError);
  });
});

describe('dates', () => {
  it.each([
    ['2024-05-02T14:22:10Z', Date.UTC(2024, 4, 2, 14, 22, 10)],
    ['2024-05-02T14:22:10.123456+00:00', Date.UTC(2024, 4, 2, 14, 22, 10, 123)],
    ['2024-05-02 14:22:10+02:00', Date.UTC(2024, 4, 2, 12, 22, 10)],
    ['2024-05-02 14:22', Date.UTC(2024, 4, 2, 14, 22)],
    ['2024-05-02', Date.UTC(2024, 4, 2)],
    ['1714900000', 1714900000000],
    [1714900000123, 1714900000123],
  ])('%s', (text, expected) => {
    expect(readDate(text)).toBe(expected);
  });

  it('reads a written-out date, and nothing from what is no date', () => {
    expect(new Date(readDate('May 4, 2024 7:15 AM') ?? 0).getFullYear()).toBe(2024);
    for (const bad of ['', 'yesterday', '2023-02-30', '2024-13-01', true, null, -5, NaN]) {
      expect(readDate(bad)).toBeNull();
    }
  });
});

describe('colours and text', () => {
  it('brings names and hex values onto the four colours', () => {
    expect(
      [
        'yellow',
        'Orange',
        'green',
        'purple',
        'red',
        '#ffd400',
        '#a0e7a0',
        '#5b8def',
        '#f28bb0',
        'weird',
        undefined,
      ].map(readColor),
    ).toEqual([
      'yellow',
      'yellow',
      'green',
      'blue',
      'pink',
      'yellow',
      'green',
      'blue',
      'pink',
      'yellow',
      'yellow',
    ]);
  });

  it('takes the text out of HTML', () => {
    expect(plainText('<p>a &amp; b</p><p>c&nbsp;d &#8212; &#x2019;</p><script>x()</script>')).toBe(
      'a & b c d — ’',
    );
    expect(plainText('no markup, 3 < 4')).toBe('no markup, 3 < 4');
  });
});
