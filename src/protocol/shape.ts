// The building blocks of the protocol's guards (protocol.ts, events-messages.ts). Every host message is untrusted:
// read own data properties only, never the prototype chain.

export type Check = (value: unknown) => boolean;

/** A plain object: created by `{}`, `Object.create(null)` or structured clone, not an array, class or DOM object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  const proto = typeof value === 'object' && value !== null && Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** An object whose listed own properties pass their checks; optional ones may be absent or undefined (structured clone keeps undefined). */
export const shape =
  (required: Record<string, Check>, optional: Record<string, Check> = {}): Check =>
  (value) =>
    isPlainObject(value) &&
    Object.entries(required).every(([key, check]) => Object.hasOwn(value, key) && check(value[key])) &&
    Object.entries(optional).every(([key, check]) => {
      const field = Object.hasOwn(value, key) ? value[key] : undefined;
      return field === undefined || check(field);
    });

