// Reading fields of parsed JSON that nobody checked: what is not of the expected kind reads as
// empty, so one odd field never stops a whole import.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const stringOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Strings of a list (others dropped); a single string reads as a list of one. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return value ? [value] : [];
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string' && v.length > 0);
}
