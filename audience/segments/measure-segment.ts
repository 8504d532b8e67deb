import type { Pool } from 'pg';
import { TAG_KINDS, type TagKind } from '../tags';
import { compileSegmentExpr, wideningsOf } from './compile-segment-query';
import { formatSegmentExpr, type SegmentExpr } from './parse-segment-query';
import { gateDistribution, type GatedDistribution } from './k-gate';

/** A segment's size as people may see it: the number when at least k, otherwise only that it is below k. */
export type SegmentSize =
  | { belowK: false; k: number; size: number }
  | { belowK: true; k: number; size: null; message: string; suggestions: Widening[] };

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

/** The size of a segment under the shop's k-floor, with ways to widen it when it is too small. */
export async function measureSegment(pool: Pool, shopId: string, expr: SegmentExpr, k: number): Promise<SegmentSize> {
  const size = await countSegment(pool, shopId, expr);
  if (size >= k) return { belowK: false, k, size };
  const suggestions: Widening[] = [];
  for (const widening of wideningsOf(expr)) {
    const wider = widening.expr.type === 'and' && widening.expr.items.length === 0 ? undefined : widening.expr;
    const widerSize = wider ? await countSegment(pool, shopId, wider) : await totalProfiles(pool, shopId);
    if (widerSize >= k) suggestions.push({ query: wider ? formatSegmentExpr(wider) : '(all customers)', dropped: widening.dropped, size: widerSize });
  }
  suggestions.sort((a, b) => a.size - b.size);
  const advice = suggestions.length
    ? `Try dropping ${suggestions[0]!.dropped}, or join related tags with OR.`
    : 'Drop a condition, or join related tags with OR (for example interest:running OR interest:trail).';
  return { belowK: true, k, size: null, message: `Fewer than ${k} customers match. ${advice}`, suggestions: suggestions.slice(0, 3) };
}

async function totalProfiles(pool: Pool, shopId: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM audience_profiles WHERE shop_id = $1', [shopId]);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Tag distributions inside a segment (all profiles when `expr` is undefined), one per kind, each k-gated.
 * Callers must only ask for a segment whose own size is at least k.
 */
export async function segmentMakeup(pool: Pool, shopId: string, expr: SegmentExpr | undefined, k: number): Promise<SegmentMakeup> {
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
  return Object.fromEntries(TAG_KINDS.map((kind) => [kind, gateDistribution(byKind.get(kind) ?? [], k)])) as SegmentMakeup;
}
