/**
 * Wraps a pure one-argument function with a bounded cache (cleared when full). Replays see the
 * same devices, IPs and addresses again and again, and normalising them dominated the time.
 */
export function memoise<R>(fn: (input: string) => R, limit = 100_000): (input: string) => R {
  const cache = new Map<string, R>();
  return (input) => {
    if (cache.has(input)) return cache.get(input) as R;
    const result = fn(input);
    if (cache.size >= limit) cache.clear();
    cache.set(input, result);
    return result;
  };
}
