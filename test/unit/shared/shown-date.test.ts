// A time that is no date (missing, NaN, beyond what a Date holds) shows as "—" everywhere a
// date is shown or exported, instead of throwing "Invalid time value" or printing NaN.
import { describe, expect, it } from 'vitest';
import { articleBlock } from '../../../src/shared/article-groups';
import { isoDay, mdLink } from '../../../src/shared/markdown';
import { NO_DATE } from '../../../src/shared/shown-date';
import { toAnnotation } from '../../../src/shared/web-annotation';
import { fullDate, timeAgo } from '../../../src/ui/common/format';
import { growth } from '../../../src/shared/growth';
import { dayInput } from '../../../src/ui/review/dates';
import type { HighlightRecord } from '../../../src/shared/types';

const NOT_DATES = [9e15, -9e15, Number.NaN, Infinity, undefined as unknown as number];

describe.each(NOT_DATES)('a time of %s', (time) => {
  it('shows as "—" in every formatter', () => {
    expect([fullDate(time), timeAgo(time), isoDay(time)]).toEqual([NO_DATE, NO_DATE, NO_DATE]);
    expect(dayInput(time)).toBe('');
  });

  it('exports as "—" rather than failing', () => {
    const highlight = {
      id: 'h',
      selectors: [],
      tagIds: [],
      note: '',
      createdAt: time,
      updatedAt: time,
    } as unknown as HighlightRecord;
    expect(toAnnotation(highlight, { url: 'https://a.example/' }, new Map()).created).toBe(NO_DATE);
    const page = { id: 'p', title: 'A', url: 'https://a.example/' };
    const group = { page, notes: ['n'], highlights: [], firstReadAt: time };
    expect(articleBlock(group, new Map(), { level: 3, dated: true })).toContain(`_${NO_DATE}_`);
  });

  it('has no bucket in a growth chart', () => {
    expect(growth([time], 'week', Date.UTC(2026, 0, 1))).toEqual([]);
  });
});

describe('links in Markdown exports', () => {
  it.each([
    'javascript:alert(1)',
    'data:text/html,hi',
    'file:///etc/passwd',
    'chrome-extension://x/a.html',
  ])('a %s address stays plain text', (url) => {
    expect(mdLink('Title', url)).toBe('Title');
  });

  it('an http(s) address becomes a link', () => {
    expect(mdLink('Title', 'https://a.example/x y')).toBe('[Title](https://a.example/x%20y)');
  });
});
