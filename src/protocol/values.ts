/**
 * The rules for single values of protocol v1, in one place for both ends: the webview's guards (protocol.ts) check
 * them, and the host's event sanitiser (events.ts) clips strings to MAX_STRING_LENGTH, then keeps only what passes.
 */

/** The longest string the webview accepts in a host message; longer ones are treated as malformed. */
export const MAX_STRING_LENGTH = 4096;

export const isShortString = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_STRING_LENGTH;

/** A time as the protocol carries it, in milliseconds: NaN unless a short string that `Date.parse` reads. */
export const parseTime = (value: unknown): number => (isShortString(value) ? Date.parse(value) : NaN);

/** A message id: a short string, not empty. */
export const isId = (value: unknown): value is string => isShortString(value) && value !== '';

/** An event's name: like an id, a short string and not empty, since an event without a name shows nothing useful. */
export const isEventName: (value: unknown) => value is string = isId;

/** A flat value, as an event's `data` holds them: a string, a finite number, a boolean or null. */
export const isFlatValue = (value: unknown): value is string | number | boolean | null =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value);

/** A value of an event's flat `data` as the webview accepts it: flat, and a string no longer than MAX_STRING_LENGTH. */
export const isEventFieldValue = (value: unknown): value is string | number | boolean | null =>
  isFlatValue(value) && (typeof value !== 'string' || value.length <= MAX_STRING_LENGTH);

/** `value` as a string the webview accepts: `fallback` unless `value` is a non-empty string, cut to MAX_STRING_LENGTH. */
export const shortText = (value: unknown, fallback: string): string =>
  (typeof value === 'string' && value ? value : fallback).slice(0, MAX_STRING_LENGTH);
