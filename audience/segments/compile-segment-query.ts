import type { SegmentExpr } from './parse-segment-query';

/**
 * Compiles a parsed segment to a SQL condition on `audience_profiles.tags`, appending tag arrays to `params`
 * (numbered after those already there). Tags are always parameters, never spliced into the SQL. The tags an
 * AND requires become one `tags @> array` and the tags an OR accepts one `tags && array`, which the GIN index
 * on `tags` answers; NOT and nested groups are checked on the rows the index found.
 */
export function compileSegmentExpr(expr: SegmentExpr, params: unknown[], column = 'tags'): string {
  if (expr.type === 'tag') {
    params.push([expr.tag]);
    return `(${column} @> $${params.length}::text[])`;
  }
  if (expr.type === 'not') return `(NOT ${compileSegmentExpr(expr.item, params, column)})`;
  if (expr.items.length === 0) return expr.type === 'and' ? 'TRUE' : 'FALSE';
  const tags = expr.items.flatMap((item) => (item.type === 'tag' ? [item.tag] : []));
  const parts: string[] = [];
  if (tags.length > 0) {
    params.push(tags);
    parts.push(`(${column} ${expr.type === 'and' ? '@>' : '&&'} $${params.length}::text[])`);
  }
  for (const item of expr.items) if (item.type !== 'tag') parts.push(compileSegmentExpr(item, params, column));
  return `(${parts.join(expr.type === 'and' ? ' AND ' : ' OR ')})`;
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
