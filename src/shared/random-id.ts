// Ids made where records are born (the content script makes each highlight's id, so a resent
// create never writes twice). crypto.randomUUID exists only in secure contexts, and a content
// script on a plain http:// page runs in the page's insecure one; getRandomValues works in both.

/** A random version-4 UUID, the same shape crypto.randomUUID gives. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A random name of lowercase letters, which is valid wherever a page name must start with one. */
export function randomLetters(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => String.fromCharCode(97 + (byte % 26))).join('');
}
