// A page's identity is its URL without what differs between two ways of reaching the same
// article: the fragment, tracking parameters, default ports, parameter order.
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'ref_src',
  'ref_url',
  'spm',
  'si',
]);

const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];

const isTrackingParam = (name: string): boolean => {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
};

/** Web pages, and the extension's own welcome page with its sample passage. */
export const PAGE_URL_PATTERN = /^(https?|chrome-extension|moz-extension):\/\//i;

export const isPageUrl = (raw: string): boolean => PAGE_URL_PATTERN.test(raw);

const WEB_URL_PATTERN = /^https?:\/\//i;

/** An http(s) URL: what a web page, a backup's page or an "Open" link may be. */
export const isWebUrl = (raw: string): boolean => {
  if (!WEB_URL_PATTERN.test(raw)) return false;
  try {
    return /^https?:$/.test(new URL(raw).protocol);
  } catch {
    return false;
  }
};

/**
 * The welcome page's sample passage, stored under the extension's own URL. A backup may carry it
 * from any install (each has its own id), but no other extension page.
 */
export const SAMPLE_PAGE_PATTERN = /^(chrome|moz)-extension:\/\/[\w-]+\/welcome\.html$/i;

/** A page URL a backup may hold: a web page, or the welcome page's sample. */
export const isBackupPageUrl = (raw: string): boolean =>
  isWebUrl(raw) || SAMPLE_PAGE_PATTERN.test(raw);

const isExtensionUrl = (url: URL): boolean => !url.protocol.startsWith('http');

/** The normal form of a page URL, or null if it is not one Trailmark keeps pages for. */
export function normalizeUrl(raw: string): string | null {
  if (!isPageUrl(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  url.hash = '';
  if (isExtensionUrl(url)) {
    url.search = '';
    return url.toString();
  }
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  return url.toString();
}

/** The site a page belongs to, as a reader would name it: the host without "www.". */
export function siteOf(normalizedUrl: string): string {
  const url = new URL(normalizedUrl);
  if (isExtensionUrl(url)) return 'Trailmark';
  return url.hostname.replace(/^www\./, '');
}
