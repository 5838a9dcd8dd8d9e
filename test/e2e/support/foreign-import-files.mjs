// An article served by the test, and exports of it as other highlighters write them: a Hypothesis
// export (quotes with 32 characters of context and positions counted in textContent, as its
// client describes them) and a Readwise CSV with a URL column (quotes alone, no context).
const PARAGRAPHS = [
  'Staff engineers come in different shapes, and naming the shape helps a reader find their own.',
  'The Tech Lead guides the approach and execution of a particular team, partnering closely with a single manager.',
  'Write it down.',
  'The Architect is responsible for the direction, quality, and approach within a critical area of the company.',
  'The Solver digs deep into arbitrarily complex problems and finds an appropriate path forward for the group.',
  'Write it down.',
  'The Right Hand extends an executive’s attention, borrowing their scope and authority to operate complex organizations.',
];
const TITLE = 'Shapes of staff work';

/** No whitespace between elements, so that textContent is the paragraphs' text run together. */
export const importArticle = () =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title></head><body>${PARAGRAPHS.map(
    (p) => `<p>${p}</p>`,
  ).join('')}</body></html>`;

const TEXT = PARAGRAPHS.join('');

function described(quote) {
  const start = TEXT.indexOf(quote);
  if (start === -1 || TEXT.indexOf(quote, start + 1) !== -1)
    throw new Error(`not unique: ${quote}`);
  const end = start + quote.length;
  return [
    {
      type: 'RangeSelector',
      startContainer: '/p[2]',
      startOffset: 0,
      endContainer: '/p[2]',
      endOffset: 9,
    },
    { type: 'TextPositionSelector', start, end },
    {
      type: 'TextQuoteSelector',
      exact: quote,
      prefix: TEXT.slice(Math.max(0, start - 32), start),
      suffix: TEXT.slice(end, end + 32),
    },
  ];
}

export const HYPOTHESIS_QUOTES = [
  'guides the approach and execution of a particular team',
  'digs deep into arbitrarily complex problems',
];

export function hypothesisExport(url) {
  const base = {
    user: 'acct:reader@hypothes.is',
    group: '__world__',
    document: { title: [TITLE] },
  };
  return JSON.stringify(
    {
      export_date: '2026-12-01T10:00:00.000Z',
      export_userid: 'acct:reader@hypothes.is',
      client_version: '1.1590.0',
      annotations: [
        {
          ...base,
          id: 'e2e-h1',
          created: '2025-04-01T09:00:00.000000+00:00',
          uri: url,
          text: '',
          tags: [],
          target: [{ source: url, selector: described(HYPOTHESIS_QUOTES[0]) }],
        },
        {
          ...base,
          id: 'e2e-h2',
          created: '2025-04-02T09:00:00.000000+00:00',
          uri: url,
          text: 'Closest to what I do now.',
          tags: ['solver', 'debugging'],
          target: [{ source: url, selector: described(HYPOTHESIS_QUOTES[1]) }],
        },
        {
          ...base,
          id: 'e2e-h3',
          created: '2025-04-03T09:00:00Z',
          uri: url,
          text: 'A page note on the whole article.',
          tags: [],
          target: [{ source: url }],
        },
        {
          ...base,
          id: 'e2e-h4',
          created: '2025-04-04T09:00:00Z',
          uri: url,
          text: 'A reply.',
          tags: [],
          references: ['e2e-h2'],
          target: [{ source: url }],
        },
      ],
    },
    null,
    2,
  );
}

export const READWISE_QUOTES = [
  'The Architect is responsible for the direction, quality, and approach',
  'borrowing their scope and authority',
];
/** In the article twice: a quote alone cannot say which, so it must not be placed. */
export const REPEATED_QUOTE = 'Write it down.';

const csvField = (value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function readwiseCsv(url) {
  const header =
    'Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags,URL';
  const rows = [
    [
      READWISE_QUOTES[0],
      TITLE,
      'Will Larson',
      '',
      'Direction, quality — "and" approach',
      'blue',
      'Architect',
      'offset',
      '120',
      '2025-05-01 08:00:00+00:00',
      'career',
      url,
    ],
    [
      READWISE_QUOTES[1],
      TITLE,
      'Will Larson',
      '',
      '',
      'yellow',
      '',
      'offset',
      '400',
      '2025-05-02 08:00:00+00:00',
      'career',
      url,
    ],
    [
      REPEATED_QUOTE,
      TITLE,
      'Will Larson',
      '',
      '',
      'yellow',
      '',
      'offset',
      '90',
      '2025-05-03 08:00:00+00:00',
      '',
      url,
    ],
    [
      'A passage from an ebook',
      'A Kindle book',
      'Someone',
      'B00X',
      '',
      'yellow',
      '',
      'location',
      '12',
      '2025-05-04 08:00:00+00:00',
      '',
      '',
    ],
  ];
  return [header, ...rows.map((r) => r.map(csvField).join(','))].join('\r\n') + '\r\n';
}
