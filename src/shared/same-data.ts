// Whether two answers of a query hold the same data, so that reading a view's data again after
// a change elsewhere does not redraw it. Plain data only (records as stored: objects, arrays,
// strings, numbers, booleans, null); anything else is the same only if it is the very same
// object, so that a doubt always means "redraw".

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

function sameArrays(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (!sameData(a[i], b[i])) return false;
  return true;
}

function sameObjects(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameData(a[key], b[key]));
}

export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && sameArrays(a, b);
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  return sameObjects(a as Record<string, unknown>, b as Record<string, unknown>);
}
