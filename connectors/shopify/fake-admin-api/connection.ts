import { GraphQLError } from 'graphql';
import { legacyId } from '../demo-store';

/** Connection arguments as Shopify takes them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  reverse?: boolean | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

type Key = [number | string, number];
const MAX_PAGE = 250;

function encode(key: Key): string {
  return Buffer.from(JSON.stringify({ last_id: key[1], last_value: key[0] })).toString('base64');
}

function decode(cursor: string): Key {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as { last_id?: unknown; last_value?: unknown };
    if (typeof v.last_id === 'number' && (typeof v.last_value === 'number' || typeof v.last_value === 'string')) return [v.last_value, v.last_id];
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError('Invalid cursor for current pagination sort.', { extensions: { code: 'BAD_REQUEST' } });
}

function cmp(a: Key, b: Key): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] - b[1];
}

/**
 * Pages through `items` the way Shopify does: sorted by `sortValue` then id, opaque cursors,
 * `first`/`after` or `last`/`before`, at most 250 a page. With `unlimited` (bulk operations) there is no page.
 * Sorting by id forwards streams with an early stop, so large stores are never held whole.
 */
export function paginate<T extends { id: string }>(
  items: Iterable<T>,
  args: PageArgs,
  opts: { filter?: (t: T) => boolean; sortValue?: (t: T) => number | string; unlimited?: boolean } = {},
): Connection<T> {
  const { first, last, after, before, reverse } = args;
  if (!opts.unlimited) {
    if (first == null && last == null) throw new GraphQLError('you must provide one of first or last', { extensions: { code: 'BAD_REQUEST' } });
    if ((first ?? 0) > MAX_PAGE || (last ?? 0) > MAX_PAGE || (first ?? 0) < 0 || (last ?? 0) < 0)
      throw new GraphQLError(`The first and last arguments must be between 0 and ${MAX_PAGE}.`, { extensions: { code: 'BAD_REQUEST' } });
  }
  const key = (t: T): Key => {
    const id = legacyId(t.id);
    return [opts.sortValue ? opts.sortValue(t) : id, id];
  };
  const filter = opts.filter ?? (() => true);
  const afterKey = after ? decode(after) : null;
  const beforeKey = before ? decode(before) : null;
  const limit = opts.unlimited ? Infinity : (first ?? Infinity);
  let page: Array<{ t: T; k: Key }> = [];
  let hasNext = false;
  let hasPrev = afterKey !== null;

  if (!opts.sortValue && !reverse && last == null && beforeKey === null) {
    for (const t of items) {
      if (!filter(t)) continue;
      const k = key(t);
      if (afterKey && cmp(k, afterKey) <= 0) continue;
      if (page.length >= limit) {
        hasNext = true;
        break;
      }
      page.push({ t, k });
    }
  } else {
    let all: Array<{ t: T; k: Key }> = [];
    for (const t of items) if (filter(t)) all.push({ t, k: key(t) });
    all.sort((a, b) => (reverse ? -cmp(a.k, b.k) : cmp(a.k, b.k)));
    const dir = reverse ? -1 : 1;
    if (afterKey) all = all.filter((e) => dir * cmp(e.k, afterKey) > 0);
    if (beforeKey) all = all.filter((e) => dir * cmp(e.k, beforeKey) < 0);
    if (last != null && first == null) {
      hasPrev = all.length > last;
      page = all.slice(Math.max(0, all.length - last));
      hasNext = beforeKey !== null;
    } else {
      hasNext = all.length > limit;
      page = all.slice(0, limit);
    }
  }
  const edges = page.map((e) => ({ cursor: encode(e.k), node: e.t }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: { hasNextPage: hasNext, hasPreviousPage: hasPrev, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
  };
}
