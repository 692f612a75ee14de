/**
 * A bounded memo for a pure function of one string or number. Ledgers repeat
 * their values from row to row and file to file (the same dates, a person's ID
 * in every ledger of the branch, 男/女 in every header search); each is worked out once.
 * Emptied when full: the values met are unbounded, the memory is not.
 */
export function memoize<K extends string | number, V>(fn: (key: K) => V, max = 20_000): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value !== undefined || known.has(key)) return value as V;
    value = fn(key);
    if (known.size >= max) known.clear();
    known.set(key, value);
    return value;
  };
}
