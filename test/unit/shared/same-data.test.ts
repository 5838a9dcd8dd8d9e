// Answers compared before a redraw: equal plain data is the same, anything in doubt is not.
import { expect, it } from 'vitest';
import { sameData } from '../../../src/shared/same-data';

it('finds equal records the same, however they were read', () => {
  const row = () => ({
    highlight: { id: 'h1', tagIds: ['a', 'b'], note: '', position: 3, gone: undefined },
    page: { id: 'p1', title: 'T', maxScroll: 0.5 },
  });
  expect(sameData([row(), row()], [row(), row()])).toBe(true);
  expect(sameData({ count: 0, ids: null }, { count: 0, ids: null })).toBe(true);
  expect(sameData(Number.NaN, Number.NaN)).toBe(true);
});

it('tells records apart by any field, order of items or missing key', () => {
  expect(sameData({ a: 1 }, { a: 2 })).toBe(false);
  expect(sameData({ tags: ['a', 'b'] }, { tags: ['b', 'a'] })).toBe(false);
  expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
  expect(sameData({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  expect(sameData([1], { 0: 1 })).toBe(false);
  expect(sameData(null, {})).toBe(false);
});

it('counts other objects the same only when they are the very same object', () => {
  const map = new Map([['a', 1]]);
  expect(sameData(map, map)).toBe(true);
  expect(sameData(new Map([['a', 1]]), new Map([['a', 1]]))).toBe(false);
  expect(sameData(new Set([1]), new Set([1]))).toBe(false);
  expect(sameData(new Date(0), new Date(0))).toBe(false);
});
