/**
 * The one home for reading a value a list keeps in its URL. A URL can be hand-edited, bookmarked before an option
 * was renamed, or shared from another version of the app: a value that is not one the page offers reads as absent
 * (the filter's "any"), so the page never sends the platform a value it refuses nor shows a choice it cannot name.
 */

/** `value` when it is one of `allowed` (exactly, case included), else null. */
export function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

// every id the API takes is a UUID; a value of another shape names nothing and the platform refuses it
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `value` when it has the shape of an id, else null. */
export function idOf(value: string | null): string | null {
  return value !== null && UUID.test(value) ? value : null;
}
