import { postalDistrict } from '../../privacy';
import { DAYS_SINCE_LAST, orderStatsSql, ordersOf, type TagScope } from './order-stats-sql';
import { WINDOWS } from './tag-definitions';

/**
 * Parameters of {@link profilesSql}, in order: $1 shop, $2 as-of, $3-$6 thresholds (recency days, frequency,
 * monetary: 4 quintile edges each; spend: 3 percentiles), $7 the district of each postal sector (index =
 * sector, 0 = unassigned), and for scope `customers` $8 the customer ids.
 */
export interface Thresholds {
  recency: number[];
  frequency: number[];
  monetary: number[];
  spend: number[];
}

/** District number per Singapore postal sector 1..99, taken from `privacy/generalize` (0 when unassigned). */
export const SECTOR_DISTRICTS: number[] = Array.from({ length: 99 }, (_, i) => postalDistrict(`${String(i + 1).padStart(2, '0')}0000`)?.district ?? 0);

const INTERESTS = `interval '${WINDOWS.interests} days'`;
// How many thresholds an expression passes; a missing threshold (no customers yet) counts as not passed.
const passes = (expr: string, param: string, n: number) =>
  Array.from({ length: n }, (_, i) => `coalesce((${expr} > (${param}::float8[])[${i + 1}])::int, 0)`).join(' + ');
const slug = (expr: string) => `trim(both '-' from regexp_replace(lower(trim(${expr})), '[^a-z0-9]+', '-', 'g'))`;

/**
 * The tags of each customer (customer_id, tags), computed in one statement; see tag-definitions.ts. Scope `shop`
 * covers every customer of the shop not redacted, scope `customers` those in $8. Orders are read in two
 * aggregating passes (per customer and channel, unless `statsTable` already holds {@link orderStatsSql}; per
 * line item of the interest window), and the latest shipping address only for customers without a default
 * country. For a few customers, line items are fetched per order through the index instead of scanned.
 */
export function profilesSql(scope: TagScope, statsTable?: string): string {
  const statsFrom = statsTable ? `SELECT * FROM ${statsTable}` : orderStatsSql(scope);
  const some = scope === 'customers';
  const lineItems = some
    ? 'CROSS JOIN LATERAL (SELECT * FROM order_line_items l WHERE l.shop_id = $1 AND l.order_id = o.id OFFSET 0) li'
    : 'JOIN order_line_items li ON li.shop_id = $1 AND li.order_id = o.id';
  return `
WITH cust AS (
  SELECT c.id, c.birthday, coalesce(c.default_address, '{}'::jsonb) AS address
  FROM ${some ? 'unnest($8::bigint[]) AS k(id) CROSS JOIN LATERAL (SELECT * FROM customers x WHERE x.shop_id = $1 AND x.id = k.id OFFSET 0) c' : 'customers c'}
  WHERE c.shop_id = $1 AND c.redacted_at IS NULL),
stats AS (${statsFrom}),
prod AS (
  SELECT id, ${slug('vendor')} AS vendor_slug,
         array_remove(array_remove(ARRAY[${slug('product_type')}] || ARRAY(SELECT ${slug('t')} FROM unnest(tags) AS t), ''), NULL) AS topics
  FROM products WHERE shop_id = $1),
items AS (
  SELECT o.customer_id, li.order_id, li.product_id, ((li.price * 100)::bigint * li.quantity)::float8 AS cents,
         power(0.5::float8, extract(epoch FROM $2::timestamptz - o.created_at)::float8 / (86400.0 * ${WINDOWS.interestHalfLife})) AS weight
  FROM ${ordersOf(scope)} ${lineItems}
  WHERE o.shop_id = $1 AND o.cancelled_at IS NULL AND o.created_at <= $2::timestamptz AND o.created_at > $2::timestamptz - ${INTERESTS}),
topics AS (
  SELECT i.customer_id, t.topic, sum(i.weight) AS weight
  FROM items i JOIN prod p ON p.id = i.product_id, unnest(p.topics) AS t(topic)
  GROUP BY i.customer_id, t.topic),
interests AS (
  SELECT customer_id, array_remove(ARRAY[${[1, 2, 3].map((rank) => `'interest:' || max(topic) FILTER (WHERE rank = ${rank})`).join(', ')}], NULL) AS tags FROM (
    SELECT customer_id, topic, row_number() OVER (PARTITION BY customer_id ORDER BY weight DESC, topic) AS rank
    FROM topics WHERE weight >= 0.5) r
  WHERE rank <= 3 GROUP BY customer_id),
by_vendor AS (
  SELECT i.customer_id, p.vendor_slug, sum(i.cents) AS cents, sum(sum(i.cents)) OVER (PARTITION BY i.customer_id) AS total,
         min(i.order_id) <> max(i.order_id) AS several_orders
  FROM items i LEFT JOIN prod p ON p.id = i.product_id GROUP BY i.customer_id, p.vendor_slug),
vendors AS (
  -- Item spend in whole cents, so "at least half" is exact. Only a vendor with half the spend can be the brand;
  -- the top one (ties by name) must also span two orders.
  SELECT DISTINCT ON (customer_id) customer_id, vendor_slug, several_orders FROM by_vendor
  WHERE total > 0 AND 2 * cents >= total AND coalesce(vendor_slug, '') <> '' ORDER BY customer_id, cents DESC, vendor_slug),
base AS (
  SELECT c.id, c.birthday, s.*, v.vendor_slug, v.several_orders, i.tags AS interest_tags,
         upper(coalesce(nullif(c.address->>'countryCode', ''), ship.ship_country)) AS country,
         CASE WHEN nullif(c.address->>'countryCode', '') IS NOT NULL THEN c.address->>'zip' ELSE ship.ship_zip END AS zip,
         ${DAYS_SINCE_LAST('s.last_at')} AS days
  FROM cust c LEFT JOIN stats s ON s.customer_id = c.id LEFT JOIN vendors v ON v.customer_id = c.id
  LEFT JOIN interests i ON i.customer_id = c.id
  LEFT JOIN LATERAL (
    SELECT o.shipping_address->>'countryCode' AS ship_country, o.shipping_address->>'zip' AS ship_zip FROM orders o
    WHERE nullif(c.address->>'countryCode', '') IS NULL AND o.shop_id = $1 AND o.customer_id = c.id AND o.cancelled_at IS NULL
      AND o.created_at <= $2::timestamptz AND o.shipping_address->>'countryCode' IS NOT NULL
    ORDER BY o.created_at DESC LIMIT 1) ship ON true),
scored AS (
  SELECT b.*, date_part('year', age(($2::timestamptz AT TIME ZONE 'UTC')::date, b.birthday))::int AS age,
         5 - (${passes('b.days', '$3', 4)}) AS r,
         ((1 + ${passes('b.n', '$4', 4)}) + (1 + ${passes('b.spend', '$5', 4)}) + 1) / 2 AS fm,
         ${passes('b.spend12', '$6', 3)} AS spend_rank,
         substring(b.zip FROM '(?<![0-9])([0-9]{6})(?![0-9])') AS postcode
  FROM base b)
SELECT id AS customer_id, array_remove(ARRAY[
  'age:' || CASE WHEN birthday IS NULL OR age < 0 OR age > 120 THEN 'unknown' WHEN age >= 65 THEN '65+' WHEN age >= 55 THEN '55-64'
    WHEN age >= 45 THEN '45-54' WHEN age >= 35 THEN '35-44' WHEN age >= 25 THEN '25-34' WHEN age >= 18 THEN '18-24' ELSE 'under-18' END,
  'country:' || nullif(country, ''),
  CASE WHEN country = 'SG' AND coalesce(($7::int[])[substring(postcode, 1, 2)::int], 0) > 0
    THEN 'sg-district:' || lpad((($7::int[])[substring(postcode, 1, 2)::int])::text, 2, '0') END,
  CASE WHEN n12 >= 2 THEN 'discount:' || CASE WHEN (dn12::float8 / n12 + coalesce(dspend12 / nullif(spend12, 0), 0)) / 2 >= 0.5 THEN 'high'
    WHEN (dn12::float8 / n12 + coalesce(dspend12 / nullif(spend12, 0), 0)) / 2 >= 0.2 THEN 'mid' ELSE 'low' END END,
  CASE WHEN n IS NULL THEN NULL WHEN n12 = 0 THEN 'loyalty:lapsed' WHEN n >= 4 AND n12 >= 2 THEN 'loyalty:loyal'
    WHEN n >= 2 THEN 'loyalty:repeat' ELSE 'loyalty:first-time' END,
  CASE WHEN several_orders THEN 'brand:' || vendor_slug END,
  CASE WHEN channel_share >= 0.6 AND channel_n >= 2 THEN 'store:' || ${slug('channel')} END,
  'rfm:' || CASE WHEN n IS NULL THEN 'prospects'
    WHEN r = 5 THEN CASE WHEN fm >= 4 THEN 'champions' WHEN fm >= 2 THEN 'active' ELSE 'new' END
    WHEN r = 4 THEN CASE WHEN fm >= 4 THEN 'loyal' WHEN fm >= 2 THEN 'active' ELSE 'promising' END
    WHEN r = 3 THEN CASE WHEN fm >= 4 THEN 'loyal' WHEN fm >= 2 THEN 'needs-attention' ELSE 'promising' END
    WHEN r = 2 THEN CASE WHEN fm >= 4 THEN 'at-risk' ELSE 'almost-lost' END
    ELSE CASE WHEN fm >= 4 THEN 'previously-loyal' ELSE 'dormant' END END,
  'spend:' || CASE WHEN coalesce(spend12, 0) <= 0 THEN 'none' WHEN spend_rank >= 3 THEN 'top' WHEN spend_rank = 2 THEN 'high'
    WHEN spend_rank = 1 THEN 'mid' ELSE 'low' END
  ]::text[], NULL) || coalesce(interest_tags, '{}'::text[]) AS tags
FROM scored`;
}
