import { describe, expect, it } from 'vitest';
import { JsonSectionReader, type JsonSectionEvent } from '../../../src/shared/json-sections';

const TEXT = `{"format":"x","version":1, "flag" : true,"n":-1.5e3,
"items":[ {"a":"} ] \\" [","b":[1,{"c":null}]} , "s", 42 ,[true]],
"empty":[]}`;

function readAll(text: string, chunkSize: number): JsonSectionEvent[] {
  const reader = new JsonSectionReader(1000);
  const events: JsonSectionEvent[] = [];
  for (let i = 0; i < text.length; i += chunkSize) {
    events.push(...reader.push(text.slice(i, i + chunkSize)));
  }
  reader.end();
  return events;
}

describe('JsonSectionReader', () => {
  it('hands out fields and array items whole, wherever the chunks are cut', () => {
    const whole = readAll(TEXT, TEXT.length);
    expect(whole).toEqual([
      { kind: 'field', key: 'format', text: '"x"' },
      { kind: 'field', key: 'version', text: '1' },
      { kind: 'field', key: 'flag', text: 'true' },
      { kind: 'field', key: 'n', text: '-1.5e3' },
      { kind: 'section', key: 'items' },
      { kind: 'item', key: 'items', text: '{"a":"} ] \\" [","b":[1,{"c":null}]}' },
      { kind: 'item', key: 'items', text: '"s"' },
      { kind: 'item', key: 'items', text: '42' },
      { kind: 'item', key: 'items', text: '[true]' },
      { kind: 'end-section', key: 'items' },
      { kind: 'section', key: 'empty' },
      { kind: 'end-section', key: 'empty' },
    ]);
    for (const size of [1, 2, 3, 7, 13]) expect(readAll(TEXT, size)).toEqual(whole);
  });

  it('finds the end of strings full of escapes, wherever the chunks are cut', () => {
    const items = [String.raw`"a\\"`, String.raw`"\"\\\""`, String.raw`{"q":"x\\\\","r":"\\\"}"}`];
    const text = `{"items":[${items.join(',')}]}`;
    const expected = [
      { kind: 'section', key: 'items' },
      ...items.map((item) => ({ kind: 'item', key: 'items', text: item })),
      { kind: 'end-section', key: 'items' },
    ];
    for (let size = 1; size <= text.length; size += 1)
      expect(readAll(text, size)).toEqual(expected);
    expect(items.map((item) => JSON.parse(item) as unknown)).toEqual([
      'a\\',
      '"\\"',
      { q: 'x\\\\', r: '\\"}' },
    ]);
  });

  it('refuses text that is not one object, or ends early, or holds an oversized value', () => {
    expect(() => readAll('[1]', 5)).toThrow(/unexpected "\["/);
    expect(() => readAll('{"a":1', 5)).toThrow(/ends early/);
    expect(() => readAll('{"a":1}}', 5)).toThrow(/unexpected/);
    expect(() => readAll(`{"a":"${'x'.repeat(2000)}"}`, 100)).toThrow(/larger than 1000/);
  });
});
