import type { Pool } from 'pg';
import { MULTI_VALUED_KINDS, TAG_KINDS, type TagKind } from '../tags';
import { compileSegmentExpr, wideningsOf } from './compile-segment-query';
import { countWithNeighbours, revealingNeighbour, sizeAndCloseNeighbour } from './difference-guard';
import { formatSegmentExpr, type SegmentExpr } from './parse-segment-query';
import { gateDistribution, type GatedDistribution } from './k-gate';

/**
 * A segment's size as people may see it: the number when at least k, otherwise only that it is not shown.
 * `reason` says why: `fewer-than-k`, or `close-to-other` when it differs from a query one edit away (or from
 * all customers) by 1 to k-1 customers, so that the two sizes side by side would reveal a group under k.
 */
export type SegmentSize =
  | { belowK: false; k: number; size: number }
  | { belowK: true; k: number; size: null; reason: 'fewer-than-k' | 'close-to-other'; message: string; suggestions: Widening[] };

/** A wider query that reaches k, to suggest when a segment is too small. */
export interface Widening {
  query: string;
  dropped: string;
  size: number;
}

/** The make-up of a segment: one k-gated distribution per tag kind. */
export type SegmentMakeup = Record<TagKind, GatedDistribution>;

/** Counts the profiles matching `expr` (the raw count: callers gate it). */
export async function countSegment(pool: Pool, shopId: string, expr: SegmentExpr): Promise<number> {
  const params: unknown[] = [shopId];
  const condition = compileSegmentExpr(expr, params);
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM audience_profiles WHERE shop_id = $1 AND ${condition}`, params);
  return Number(rows[0]?.n ?? 0);
}

/** A size that may be shown: at least k, and not 1 to k-1 away from a neighbouring query or all customers. */
async function showable(pool: Pool, shopId: string, expr: SegmentExpr | undefined, size: number, k: number): Promise<boolean> {
  if (size < k) return false;
  if (!expr) return true;
  const probe = await sizeAndCloseNeighbour(pool, shopId, expr, k);
  return probe.size >= k && !probe.close;
}

/**
 * The size of a segment under the shop's k-floor and the differencing rule (see {@link SegmentSize}), with
 * ways to widen it when it is not shown; a suggestion's size is itself checked by the same rules. The common
 * case is one statement ({@link sizeAndCloseNeighbour}).
 */
export async function measureSegment(pool: Pool, shopId: string, expr: SegmentExpr, k: number): Promise<SegmentSize> {
  const probe = await sizeAndCloseNeighbour(pool, shopId, expr, k);
  if (probe.size >= k && !probe.close) return { belowK: false, k, size: probe.size };
  // Not shown: count the neighbours in full, to suggest wider queries.
  const counts = await countWithNeighbours(pool, shopId, expr);
  const { size, total } = counts;
  const close = size >= k ? revealingNeighbour(counts, k) : undefined;
  const known = new Map(counts.neighbours.map((n) => [formatSegmentExpr(n.comparison.expr), n.size]));
  const candidates: Array<Widening & { expr?: SegmentExpr }> = [];
  for (const widening of wideningsOf(expr)) {
    const wider = widening.expr.type === 'and' && widening.expr.items.length === 0 ? undefined : widening.expr;
    const widerSize = wider ? (known.get(formatSegmentExpr(wider)) ?? (await countSegment(pool, shopId, wider))) : total;
    if (widerSize >= k) candidates.push({ query: wider ? formatSegmentExpr(wider) : '(all customers)', dropped: widening.dropped, size: widerSize, expr: wider });
  }
  candidates.sort((a, b) => a.size - b.size);
  const suggestions: Widening[] = [];
  for (const { expr: wider, ...suggestion } of candidates) {
    if (suggestions.length === 3) break;
    if (await showable(pool, shopId, wider, suggestion.size, k)) suggestions.push(suggestion);
  }
  if (close) {
    const message = `This segment differs from ${close.comparison.label} by fewer than ${k} customers, so showing both sizes would reveal that small group. Add or drop a condition so the two differ by at least ${k}.`;
    return { belowK: true, k, size: null, reason: 'close-to-other', message, suggestions };
  }
  const advice = suggestions.length
    ? `Try dropping ${suggestions[0]!.dropped}, or join related tags with OR.`
    : 'Drop a condition, or join related tags with OR (for example interest:running OR interest:trail).';
  return { belowK: true, k, size: null, reason: 'fewer-than-k', message: `Fewer than ${k} customers match. ${advice}`, suggestions };
}

/**
 * Tag distributions inside a segment (all profiles when `expr` is undefined), one per kind, each k-gated
 * against `total`, the segment's size (see {@link gateDistribution}). Callers must only ask for a segment
 * whose own size may be shown.
 */
export async function segmentMakeup(pool: Pool, shopId: string, expr: SegmentExpr | undefined, k: number, total: number): Promise<SegmentMakeup> {
  const params: unknown[] = [shopId];
  const condition = expr ? `AND ${compileSegmentExpr(expr, params)}` : '';
  const { rows } = await pool.query<{ tag: string; n: string }>(
    `SELECT tag, count(*) AS n FROM audience_profiles, unnest(tags) AS tag WHERE shop_id = $1 ${condition} GROUP BY tag`,
    params,
  );
  const byKind = new Map<string, Array<{ value: string; count: number }>>();
  for (const row of rows) {
    const colon = row.tag.indexOf(':');
    const kind = row.tag.slice(0, colon);
    byKind.set(kind, [...(byKind.get(kind) ?? []), { value: row.tag.slice(colon + 1), count: Number(row.n) }]);
  }
  return Object.fromEntries(TAG_KINDS.map((kind) => [kind, gateDistribution(byKind.get(kind) ?? [], k, { total, multiValued: MULTI_VALUED_KINDS.has(kind) })])) as SegmentMakeup;
}
