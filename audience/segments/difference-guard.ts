import type { Pool } from 'pg';
import { compileSegmentExpr } from './compile-segment-query';
import { formatSegmentExpr, type SegmentExpr } from './parse-segment-query';

/** Another group a merchant can measure, to compare with a segment. */
export interface Comparison {
  /** The other group as a message names it: `"country:SG"` (quoted), or all customers. */
  label: string;
  expr: SegmentExpr;
  /** Known nesting: a query with one AND condition dropped holds the segment, one with an OR item dropped lies in it. */
  nesting?: 'superset' | 'subset';
}

const ALL: SegmentExpr = { type: 'and', items: [] };
const isAll = (expr: SegmentExpr) => expr.type === 'and' && expr.items.length === 0;

/**
 * The queries one edit away from `expr`: one condition of its top-level AND or OR dropped. Together with all
 * customers, these are the comparisons a merchant makes first.
 */
export function neighboursOf(expr: SegmentExpr): Comparison[] {
  const out: Comparison[] = [];
  if (expr.type === 'and' || expr.type === 'or') {
    for (let i = 0; i < expr.items.length; i++) {
      const rest = expr.items.filter((_, j) => j !== i);
      const other: SegmentExpr = rest.length === 1 ? rest[0]! : { type: expr.type, items: rest };
      if (!isAll(other)) out.push({ label: `"${formatSegmentExpr(other)}"`, expr: other, nesting: expr.type === 'and' ? 'superset' : 'subset' });
    }
  }
  return out;
}

/** How far apart two groups are: members of the segment outside the other group, and the other way round. */
export interface Difference {
  comparison: Comparison;
  onlyInSegment: number;
  onlyInOther: number;
}

/** True when a difference is a group people could single out: some customers, but fewer than k. */
export const revealsSmallGroup = (count: number, k: number) => count > 0 && count < k;

/**
 * The sizes of several groups of the shop's profiles in one statement. Each is a scalar subquery planned on
 * its own, so the tags index answers each as it answers a single segment size.
 */
export async function countGroups(pool: Pool, shopId: string, exprs: readonly SegmentExpr[]): Promise<number[]> {
  const params: unknown[] = [shopId];
  const columns = exprs.map((expr, i) => `(SELECT count(*) FROM audience_profiles WHERE shop_id = $1 AND ${compileSegmentExpr(expr, params)}) AS c${i}`);
  const { rows } = await pool.query<Record<string, string>>(`SELECT ${columns.join(', ')}`, params);
  return exprs.map((_, i) => Number(rows[0]?.[`c${i}`] ?? 0));
}

/** A segment's size with what would be seen beside it: all customers, and each query one edit away. */
export interface SegmentCounts {
  size: number;
  total: number;
  neighbours: Array<{ comparison: Comparison; size: number }>;
}

/** Counts a segment, all customers and the segment's neighbours ({@link neighboursOf}) in one statement. */
export async function countWithNeighbours(pool: Pool, shopId: string, expr: SegmentExpr): Promise<SegmentCounts> {
  const neighbours = neighboursOf(expr);
  const [size = 0, total = 0, ...sizes] = await countGroups(pool, shopId, [expr, ALL, ...neighbours.map((n) => n.expr)]);
  return { size, total, neighbours: neighbours.map((comparison, i) => ({ comparison, size: sizes[i] ?? 0 })) };
}

/**
 * A segment's size, and the first comparison ({@link revealingNeighbour}'s: all customers, then each
 * neighbour) that is 1 to k-1 customers away, in one statement that stays fast on large shops. Neighbours nest
 * with the segment, so the customers between the two are one query (the rest of an AND without the dropped
 * condition, the dropped OR item without the rest, or everyone outside the segment); each such query only has
 * to find k rows to show it is not a small group, so it stops early instead of counting the shop.
 */
export async function sizeAndCloseNeighbour(pool: Pool, shopId: string, expr: SegmentExpr, k: number): Promise<{ size: number; close?: Difference }> {
  const params: unknown[] = [shopId, k];
  const segment = compileSegmentExpr(expr, params);
  const between: Array<{ comparison: Comparison; condition: string }> = [
    { comparison: { label: 'all customers', expr: ALL }, condition: `(${segment}) IS NOT TRUE` },
  ];
  if (expr.type === 'and' || expr.type === 'or') {
    for (const [i, comparison] of neighboursOf(expr).entries()) {
      const dropped = compileSegmentExpr(expr.items[i]!, params);
      const rest = compileSegmentExpr(comparison.expr, params);
      between.push({ comparison, condition: expr.type === 'and' ? `${rest} AND (${dropped}) IS NOT TRUE` : `${dropped} AND (${rest}) IS NOT TRUE` });
    }
  }
  const probes = between.map(({ condition }, i) => `(SELECT count(*) FROM (SELECT 1 FROM audience_profiles WHERE shop_id = $1 AND ${condition} LIMIT $2) AS p) AS d${i}`);
  const { rows } = await pool.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM audience_profiles WHERE shop_id = $1 AND ${segment}) AS size, ${probes.join(', ')}`,
    params,
  );
  const row = rows[0] ?? {};
  const size = Number(row.size ?? 0);
  for (const [i, { comparison }] of between.entries()) {
    const apart = Number(row[`d${i}`] ?? 0);
    if (!revealsSmallGroup(apart, k)) continue;
    const inSegment = comparison.nesting === 'subset';
    return { size, close: { comparison, onlyInSegment: inSegment ? apart : 0, onlyInOther: inSegment ? 0 : apart } };
  }
  return { size };
}

/**
 * All customers, or the first neighbour, when 1 to k-1 customers away from the segment. Neighbours nest with
 * the segment, so the difference of the sizes is the group in between.
 */
export function revealingNeighbour(counts: SegmentCounts, k: number): Difference | undefined {
  const outside = counts.total - counts.size;
  if (revealsSmallGroup(outside, k)) return { comparison: { label: 'all customers', expr: ALL }, onlyInSegment: 0, onlyInOther: outside };
  for (const { comparison, size } of counts.neighbours) {
    const apart = Math.abs(size - counts.size);
    if (revealsSmallGroup(apart, k)) return { comparison, onlyInSegment: comparison.nesting === 'subset' ? apart : 0, onlyInOther: comparison.nesting === 'superset' ? apart : 0 };
  }
  return undefined;
}

/**
 * The first of `comparisons` (any groups, such as earlier exports) whose members differ from the segment's by
 * 1 to k-1 customers on either side. Counted in one statement over the union of the groups.
 */
export async function findRevealingDifference(pool: Pool, shopId: string, expr: SegmentExpr, k: number, comparisons: readonly Comparison[]): Promise<Difference | undefined> {
  const others = comparisons.filter((c) => !isAll(c.expr));
  if (others.length === 0) return undefined;
  const params: unknown[] = [shopId];
  const segment = compileSegmentExpr(expr, params);
  const compiled = others.map((c) => compileSegmentExpr(c.expr, params));
  const counts = compiled.map((other, i) => `count(*) FILTER (WHERE ${segment} AND NOT ${other}) AS a${i}, count(*) FILTER (WHERE ${other} AND NOT ${segment}) AS b${i}`);
  const { rows } = await pool.query<Record<string, string>>(
    `SELECT ${counts.join(', ')} FROM audience_profiles WHERE shop_id = $1 AND (${[segment, ...compiled].join(' OR ')})`,
    params,
  );
  const row = rows[0] ?? {};
  for (const [i, comparison] of others.entries()) {
    const onlyInSegment = Number(row[`a${i}`] ?? 0);
    const onlyInOther = Number(row[`b${i}`] ?? 0);
    if (revealsSmallGroup(onlyInSegment, k) || revealsSmallGroup(onlyInOther, k)) return { comparison, onlyInSegment, onlyInOther };
  }
  return undefined;
}

/**
 * Sizes of one segment over time (now, at the last full refresh, at the one before), as people may see them:
 * a size is left out when it is under k or when it differs from a size already shown by 1 to k-1 (the
 * difference would be a small group that joined or left). The change is given only between two shown sizes.
 */
export function gateSizeHistory(k: number, now: number | null, last: number | undefined, previous: number | undefined): {
  last: number | null;
  previous: number | null;
  change: number | null;
  changeHidden: boolean;
} {
  const shown: number[] = now !== null && now >= k ? [now] : [];
  const admit = (size: number | undefined): number | null => {
    if (size === undefined || size < k || shown.some((other) => revealsSmallGroup(Math.abs(other - size), k))) return null;
    shown.push(size);
    return size;
  };
  const lastShown = admit(last);
  const previousShown = admit(previous);
  const change = lastShown !== null && previousShown !== null ? lastShown - previousShown : null;
  return { last: lastShown, previous: previousShown, change, changeHidden: change === null && last !== undefined && previous !== undefined };
}
