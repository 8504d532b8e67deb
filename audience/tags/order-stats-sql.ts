import { WINDOWS } from './tag-definitions';

/** Which customers a statement covers: every customer of the shop, or the ids in parameter $8. */
export type TagScope = 'shop' | 'customers';

/** Days since the last order, as recency is scored (numeric, so ties at a quintile edge stay ties). */
export const DAYS_SINCE_LAST = (lastAt: string) => `extract(epoch FROM $2::timestamptz - ${lastAt}) / 86400.0`;

export const YEAR = `interval '${WINDOWS.recentYear} days'`;
const RECENT = `o.created_at > $2::timestamptz - ${YEAR}`;
const DISCOUNTED = `(cardinality(o.discount_codes) > 0 OR coalesce(o.total_discounts, 0) > 0)`;
// Whole cents as float8: sums stay exact (below 2^53 cents) and, unlike numeric sums, need no memory per group.
const CENTS = `(o.total_price * 100)::bigint::float8`;

/**
 * The orders a statement reads, as `o`: all of the shop's, or those of the customers in $8 fetched per
 * customer through `orders_customer_idx` (OFFSET 0 keeps the planner from turning that into a scan).
 */
export const ordersOf = (scope: TagScope) =>
  scope === 'customers'
    ? 'unnest($8::bigint[]) AS k(id) CROSS JOIN LATERAL (SELECT * FROM orders x WHERE x.shop_id = $1 AND x.customer_id = k.id OFFSET 0) o'
    : 'orders o';

/**
 * Per-customer order figures in one pass over the orders (not cancelled, up to the as-of date $2, of
 * customers not redacted): order count, spend, last order, last-year count, spend
 * and discounted count and spend (summed in cents, exact), and the channel with the most orders (ties by name) with its share.
 * Grouping first by customer and channel lets one aggregate feed every tag that reads orders.
 * Parameters: $1 shop, $2 as-of, and for scope `customers` $8 the customer ids (numbered as in profilesSql).
 */
export function orderStatsSql(scope: TagScope): string {
  return `
WITH by_channel AS (
  SELECT o.customer_id, o.source_name, count(*) AS n, sum(${CENTS}) AS spend, max(o.created_at) AS last_at,
         count(*) FILTER (WHERE ${RECENT}) AS n12, sum(${CENTS}) FILTER (WHERE ${RECENT}) AS spend12,
         count(*) FILTER (WHERE ${DISCOUNTED} AND ${RECENT}) AS dn12, sum(${CENTS}) FILTER (WHERE ${DISCOUNTED} AND ${RECENT}) AS dspend12
  FROM ${ordersOf(scope)}
  WHERE o.shop_id = $1 AND o.cancelled_at IS NULL AND o.created_at <= $2::timestamptz AND o.customer_id IS NOT NULL
  GROUP BY o.customer_id, o.source_name),
-- The channel with the most orders, found without a sort per customer: its count first, then the first name with it.
ranked AS (SELECT *, max(n) FILTER (WHERE source_name IS NOT NULL) OVER (PARTITION BY customer_id) AS top_n FROM by_channel),
per_customer AS (
SELECT customer_id, sum(n)::bigint AS n, sum(spend) / 100 AS spend, max(last_at) AS last_at, sum(n12)::bigint AS n12,
       coalesce(sum(spend12), 0) / 100 AS spend12, sum(dn12)::bigint AS dn12, coalesce(sum(dspend12), 0) / 100 AS dspend12,
       min(source_name) FILTER (WHERE n = top_n) AS channel,
       max(top_n)::float8 / (sum(n) FILTER (WHERE source_name IS NOT NULL))::float8 AS channel_share,
       sum(n) FILTER (WHERE source_name IS NOT NULL)::bigint AS channel_n
FROM ranked GROUP BY customer_id)
SELECT * FROM per_customer s
WHERE EXISTS (SELECT 1 FROM customers c WHERE c.shop_id = $1 AND c.id = s.customer_id AND c.redacted_at IS NULL)`;
}

/**
 * Thresholds over the whole shop, from the per-customer figures in `table` (see {@link orderStatsSql}):
 * quintiles of recency (days), frequency and monetary value among customers with orders, and the
 * 50/80/95th percentiles of last-year spend among those who spent. Parameters: $1 unused shop, $2 as-of.
 */
export const thresholdsSql = (table: string) => `
SELECT percentile_disc(ARRAY[0.2,0.4,0.6,0.8]) WITHIN GROUP (ORDER BY ${DAYS_SINCE_LAST('last_at')}) AS recency,
       percentile_disc(ARRAY[0.2,0.4,0.6,0.8]) WITHIN GROUP (ORDER BY n) AS frequency,
       percentile_disc(ARRAY[0.2,0.4,0.6,0.8]) WITHIN GROUP (ORDER BY spend) AS monetary,
       percentile_disc(ARRAY[0.5,0.8,0.95]) WITHIN GROUP (ORDER BY spend12) FILTER (WHERE spend12 > 0) AS spend
FROM ${table} WHERE $1::uuid IS NOT NULL`;
