// Values computed once per parsed document (or per node of its tree) and shared by the rules that ask, kept on the
// object itself under a private symbol. Not in a module-level WeakMap: V8's scavenger keeps a WeakMap's values alive
// as long as the map is (until a full GC proves the key dead), so every lint's cached model was promoted to the old
// generation and stayed there as garbage; measured: 23% of the young generation survived each scavenge with the
// WeakMaps, and the server's RSS after 1,000 documents fell by that garbage without them (docs/performance.md).

/** `compute()` once per `target` under `key` (an undefined result is remembered too). */
export function memoOn<T>(target: object, key: symbol, compute: () => T): T {
  const holder = target as { [k: symbol]: T };
  if (key in holder) return holder[key];
  // A plain assignment: symbol keys stay out of JSON and Object.keys, and a defineProperty with other attributes
  // would give each object a map of its own.
  const value = compute();
  holder[key] = value;
  return value;
}
