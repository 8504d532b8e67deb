import type { SegmentExpr } from './parse-segment-query';

/**
 * Compiles a parsed segment to a SQL condition on `audience_profiles.tags`, appending tag values to
 * `params` (numbered after those already there). Tags are always parameters, never spliced into the SQL.
 */
export function compileSegmentExpr(expr: SegmentExpr, params: unknown[], column = 'tags'): string {
  if (expr.type === 'tag') {
    params.push(expr.tag);
    return `($${params.length}::text = ANY(${column}))`;
  }
  if (expr.type === 'not') return `(NOT ${compileSegmentExpr(expr.item, params, column)})`;
  return `(${expr.items.map((item) => compileSegmentExpr(item, params, column)).join(expr.type === 'and' ? ' AND ' : ' OR ')})`;
}

/** Ways to widen a segment: the same query with one condition of its top-level AND (or a NOT) dropped. */
export function wideningsOf(expr: SegmentExpr): Array<{ dropped: string; expr: SegmentExpr }> {
  if (expr.type === 'not') return [{ dropped: 'the NOT', expr: { type: 'and', items: [] } }];
  if (expr.type !== 'and') return [];
  return expr.items.map((item, i) => {
    const rest = expr.items.filter((_, j) => j !== i);
    return { dropped: item.type === 'tag' ? item.tag : 'one group of conditions', expr: rest.length === 1 ? rest[0]! : { type: 'and', items: rest } };
  });
}
