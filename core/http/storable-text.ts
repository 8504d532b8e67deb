// PostgreSQL's text and jsonb cannot hold a NUL character or half of a UTF-16 surrogate pair (half an emoji).
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

type Visit = { value: unknown; path: string };

/**
 * Where parsed JSON holds text the database cannot store (a NUL character or an unpaired surrogate), in a key or a
 * string, as a path like `body.activity.text`; undefined when there is none. Walks without recursion, so deeply
 * nested input cannot exhaust the stack.
 */
export function unstorableTextAt(value: unknown, root = 'body'): string | undefined {
  const stack: Visit[] = [{ value, path: root }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) return path;
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, path: `${path}.${index}` }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (UNSTORABLE.test(key)) return path;
        stack.push({ value: item, path: `${path}.${key}` });
      }
    }
  }
  return undefined;
}

/**
 * Parses JSON into a value the database can store: NUL characters removed, unpaired surrogates replaced by U+FFFD.
 * For payloads we must keep even when a sender's text is broken (Shopify's webhooks), not for our own API's input,
 * which is refused instead. Throws as `JSON.parse` does on malformed text.
 */
export function parseStorableJson(text: string): unknown {
  const clean = (value: string) => (UNSTORABLE.test(value) ? value.replace(UNSTORABLE_ALL, (match) => (match === '\u0000' ? '' : '\ufffd')) : value);
  return JSON.parse(text, (_key, item: unknown) => {
    if (typeof item === 'string') return clean(item);
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).some((key) => UNSTORABLE.test(key))) {
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [clean(key), inner]));
    }
    return item;
  });
}
