import { describe, expect, it } from 'vitest';
import { normalizeUrl, siteOf } from '../../../src/shared/url';

describe('normalizeUrl', () => {
  it.each([
    [
      'drops the fragment',
      'https://lethain.com/staff-archetypes/#tech-lead',
      'https://lethain.com/staff-archetypes/',
    ],
    [
      'drops utm_* parameters',
      'https://a.io/post?utm_source=x&utm_medium=email&UTM_Campaign=y',
      'https://a.io/post',
    ],
    [
      'drops click ids',
      'https://a.io/post?fbclid=1&gclid=2&msclkid=3&mc_eid=4',
      'https://a.io/post',
    ],
    [
      'keeps meaningful parameters',
      'https://a.io/read?id=42&utm_source=x',
      'https://a.io/read?id=42',
    ],
    ['sorts parameters', 'https://a.io/read?page=2&id=42', 'https://a.io/read?id=42&page=2'],
    [
      'lower-cases the host and drops default ports',
      'HTTPS://Example.COM:443/A',
      'https://example.com/A',
    ],
    ['keeps path case', 'https://a.io/Case/Sensitive', 'https://a.io/Case/Sensitive'],
    ['keeps non-default ports', 'http://127.0.0.1:8080/x#y', 'http://127.0.0.1:8080/x'],
    ['gives a bare host a path', 'https://a.io', 'https://a.io/'],
    [
      'reduces the welcome page to its path',
      'moz-extension://abc/welcome.html?x=1#y',
      'moz-extension://abc/welcome.html',
    ],
  ])('%s', (_why, raw, expected) => {
    expect(normalizeUrl(raw)).toBe(expected);
  });

  it('makes the same article reached two ways one page', () => {
    const fromNewsletter =
      'https://blog.example/staff/?utm_source=newsletter&utm_medium=email#intro';
    const fromSearch = 'https://blog.example/staff/?gclid=abc';
    expect(normalizeUrl(fromNewsletter)).toBe(normalizeUrl(fromSearch));
  });

  it.each([
    'ftp://a.io/x',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'about:blank',
    'not a url',
    'https://',
  ])('refuses %s', (raw) => {
    expect(normalizeUrl(raw)).toBeNull();
  });
});

describe('siteOf', () => {
  it('names the host without www', () => {
    expect(siteOf('https://www.staffeng.com/guides')).toBe('staffeng.com');
    expect(siteOf('https://lethain.com/x')).toBe('lethain.com');
  });
});
