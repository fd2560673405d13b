/**
 * `table[key]` for the table's own entries only. Keys that come from outside (a word of an article, a charset
 * label, a time-zone name) may be "constructor" or "__proto__", and a plain lookup would hand back
 * Object.prototype's members instead of nothing.
 */
export function ownEntry<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
