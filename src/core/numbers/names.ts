// Fast answers to `name in record` for the word tables: looking a fresh string up as a property name is
// slow, a Set of the names is not.

/**
 * The names `name in record` holds for: the record's own and those it inherits (Object.prototype's, such
 * as "constructor"). A table's lookups keep their old answers for those names too.
 */
export function namesIn(record: object): Set<string> {
  const names = new Set<string>();
  for (let o: object | null = record; o; o = Object.getPrototypeOf(o) as object | null) for (const n of Object.getOwnPropertyNames(o)) names.add(n);
  return names;
}
