import { postalDistrict } from '../../privacy';
import { WINDOWS } from './tag-definitions';

/**
 * Parameters of {@link TAGS_SQL}, in order: $1 shop, $2 as-of, $3 customer ids, $4 their pseudonyms,
 * $5 key version, $6-$9 thresholds (recency days, frequency, monetary: 4 quintile edges each; spend: 3
 * percentiles), $10 the district of each postal sector (index = sector, 0 = unassigned).
 */
export interface Thresholds {
  recency: number[];
  frequency: number[];
  monetary: number[];
  spend: number[];
}

/** District number per Singapore postal sector 1..99, taken from `privacy/generalize` (0 when unassigned). */
export const SECTOR_DISTRICTS: number[] = Array.from({ length: 99 }, (_, i) => postalDistrict(`${String(i + 1).padStart(2, '0')}0000`)?.district ?? 0);

const YEAR = `interval '${WINDOWS.recentYear} days'`;
const INTERESTS = `interval '${WINDOWS.interests} days'`;
// How many thresholds an expression passes; a missing threshold (no customers yet) counts as not passed.
const passes = (expr: string, param: string, n: number) =>
  Array.from({ length: n }, (_, i) => `coalesce((${expr} > (${param}::float8[])[${i + 1}])::int, 0)`).join(' + ');
const slug = (expr: string) => `trim(both '-' from regexp_replace(lower(trim(${expr})), '[^a-z0-9]+', '-', 'g'))`;

/**
 * Thresholds over the whole shop: quintiles of recency (days), frequency and monetary value among customers
 * with orders, and the 50/80/95th percentiles of last-year spend among those who spent. Parameters $1 shop, $2 as-of.
 */
export const THRESHOLDS_SQL = `
WITH s AS (
  SELECT o.customer_id, count(*)::float8 AS n, sum(o.total_price)::float8 AS spend, max(o.created_at) AS last_at,
         coalesce(sum(o.total_price) FILTER (WHERE o.created_at > $2::timestamptz - ${YEAR}), 0)::float8 AS spend12
  FROM orders o JOIN customers c ON c.shop_id = o.shop_id AND c.id = o.customer_id AND c.redacted_at IS NULL
  WHERE o.shop_id = $1 AND o.cancelled_at IS NULL AND o.created_at <= $2::timestamptz
  GROUP BY o.customer_id)
SELECT percentile_disc(ARRAY[0.2,0.4,0.6,0.8]) WITHIN GROUP (ORDER BY extract(epoch FROM $2::timestamptz - last_at) / 86400.0) AS recency,
       percentile_disc(ARRAY[0.2,0.4,0.6,0.8]) WITHIN GROUP (ORDER BY n) AS frequency,
       percentile_disc(ARRAY[0.2,0.4,0.6,0.8]) WITHIN GROUP (ORDER BY spend) AS monetary,
       percentile_disc(ARRAY[0.5,0.8,0.95]) WITHIN GROUP (ORDER BY spend12) FILTER (WHERE spend12 > 0) AS spend
FROM s`;

/** The profile rows (subject, tags) of the given customers, computed in one statement. See tag-definitions.ts. */
export const PROFILES_SELECT_SQL = `
WITH ids AS (SELECT * FROM unnest($3::bigint[], $4::text[]) AS p(customer_id, subject)),
cust AS (
  SELECT c.id, p.subject, c.birthday, coalesce(c.default_address, '{}'::jsonb) AS address
  FROM customers c JOIN ids p ON p.customer_id = c.id
  WHERE c.shop_id = $1 AND c.redacted_at IS NULL),
ord AS (
  SELECT o.id, o.customer_id, o.total_price::float8 AS total, o.created_at, o.source_name, o.shipping_address,
         (cardinality(o.discount_codes) > 0 OR coalesce(o.total_discounts, 0) > 0) AS discounted
  FROM orders o JOIN cust c ON c.id = o.customer_id
  WHERE o.shop_id = $1 AND o.cancelled_at IS NULL AND o.created_at <= $2::timestamptz),
stats AS (
  SELECT customer_id, count(*) AS n, sum(total) AS spend, max(created_at) AS last_at,
         count(*) FILTER (WHERE created_at > $2::timestamptz - ${YEAR}) AS n12,
         coalesce(sum(total) FILTER (WHERE created_at > $2::timestamptz - ${YEAR}), 0) AS spend12,
         count(*) FILTER (WHERE discounted AND created_at > $2::timestamptz - ${YEAR}) AS dn12,
         coalesce(sum(total) FILTER (WHERE discounted AND created_at > $2::timestamptz - ${YEAR}), 0) AS dspend12,
         (array_agg(shipping_address->>'countryCode' ORDER BY created_at DESC) FILTER (WHERE shipping_address->>'countryCode' IS NOT NULL))[1] AS ship_country,
         (array_agg(shipping_address->>'zip' ORDER BY created_at DESC) FILTER (WHERE shipping_address->>'countryCode' IS NOT NULL))[1] AS ship_zip
  FROM ord GROUP BY customer_id),
channel AS (
  SELECT DISTINCT ON (customer_id) customer_id, source_name, n::float8 / sum(n) OVER (PARTITION BY customer_id) AS share, sum(n) OVER (PARTITION BY customer_id) AS n
  FROM (SELECT customer_id, source_name, count(*) AS n FROM ord WHERE source_name IS NOT NULL GROUP BY customer_id, source_name) g
  ORDER BY customer_id, n DESC, source_name),
prod AS (
  SELECT id, ${slug('product_type')} AS type_slug, ${slug('vendor')} AS vendor_slug,
         ARRAY(SELECT ${slug('t')} FROM unnest(tags) AS t) AS tag_slugs
  FROM products WHERE shop_id = $1),
items AS (
  SELECT o.customer_id, o.id AS order_id, p.type_slug, p.tag_slugs, p.vendor_slug, li.price::float8 * li.quantity AS amount,
         power(0.5, extract(epoch FROM $2::timestamptz - o.created_at) / 86400.0 / ${WINDOWS.interestHalfLife}) AS weight
  FROM ord o JOIN order_line_items li ON li.shop_id = $1 AND li.order_id = o.id
  LEFT JOIN prod p ON p.id = li.product_id
  WHERE o.created_at > $2::timestamptz - ${INTERESTS}),
topics AS (
  SELECT customer_id, topic, sum(weight) AS weight FROM (
    SELECT customer_id, type_slug AS topic, weight FROM items
    UNION ALL
    SELECT customer_id, t AS topic, weight FROM items, unnest(tag_slugs) AS t) x
  WHERE coalesce(topic, '') <> '' GROUP BY customer_id, topic),
interests AS (
  SELECT customer_id, array_agg('interest:' || topic ORDER BY weight DESC, topic) AS tags FROM (
    SELECT customer_id, topic, weight, row_number() OVER (PARTITION BY customer_id ORDER BY weight DESC, topic) AS rank
    FROM topics WHERE weight >= 0.5) r
  WHERE rank <= 3 GROUP BY customer_id),
vendors AS (
  SELECT DISTINCT ON (customer_id) customer_id, vendor_slug, share, orders FROM (
    SELECT customer_id, vendor_slug, sum(amount) / nullif(sum(sum(amount)) OVER (PARTITION BY customer_id), 0) AS share, count(DISTINCT order_id) AS orders
    FROM items GROUP BY customer_id, vendor_slug) v
  WHERE coalesce(vendor_slug, '') <> '' ORDER BY customer_id, share DESC, vendor_slug),
base AS (
  SELECT c.subject, c.birthday, s.*,
         upper(coalesce(nullif(c.address->>'countryCode', ''), s.ship_country)) AS country,
         CASE WHEN nullif(c.address->>'countryCode', '') IS NOT NULL THEN c.address->>'zip' ELSE s.ship_zip END AS zip,
         extract(epoch FROM $2::timestamptz - s.last_at) / 86400.0 AS days,
         ch.source_name AS channel, ch.share AS channel_share, ch.n AS channel_n,
         v.vendor_slug, v.share AS vendor_share, v.orders AS vendor_orders, i.tags AS interest_tags
  FROM cust c LEFT JOIN stats s ON s.customer_id = c.id LEFT JOIN channel ch ON ch.customer_id = c.id
  LEFT JOIN vendors v ON v.customer_id = c.id LEFT JOIN interests i ON i.customer_id = c.id),
scored AS (
  SELECT b.*, date_part('year', age(($2::timestamptz AT TIME ZONE 'UTC')::date, b.birthday))::int AS age,
         5 - (${passes('b.days', '$6', 4)}) AS r,
         ((1 + ${passes('b.n', '$7', 4)}) + (1 + ${passes('b.spend', '$8', 4)}) + 1) / 2 AS fm,
         ${passes('b.spend12', '$9', 3)} AS spend_rank,
         substring(b.zip FROM '(?<![0-9])([0-9]{6})(?![0-9])') AS postcode
  FROM base b)
SELECT subject, array_remove(ARRAY[
  'age:' || CASE WHEN birthday IS NULL OR age < 0 OR age > 120 THEN 'unknown' WHEN age >= 65 THEN '65+' WHEN age >= 55 THEN '55-64'
    WHEN age >= 45 THEN '45-54' WHEN age >= 35 THEN '35-44' WHEN age >= 25 THEN '25-34' WHEN age >= 18 THEN '18-24' ELSE 'under-18' END,
  'country:' || nullif(country, ''),
  CASE WHEN country = 'SG' AND coalesce(($10::int[])[substring(postcode, 1, 2)::int], 0) > 0
    THEN 'sg-district:' || lpad((($10::int[])[substring(postcode, 1, 2)::int])::text, 2, '0') END,
  CASE WHEN n12 >= 2 THEN 'discount:' || CASE WHEN (dn12::float8 / n12 + coalesce(dspend12 / nullif(spend12, 0), 0)) / 2 >= 0.5 THEN 'high'
    WHEN (dn12::float8 / n12 + coalesce(dspend12 / nullif(spend12, 0), 0)) / 2 >= 0.2 THEN 'mid' ELSE 'low' END END,
  CASE WHEN n IS NULL THEN NULL WHEN n12 = 0 THEN 'loyalty:lapsed' WHEN n >= 4 AND n12 >= 2 THEN 'loyalty:loyal'
    WHEN n >= 2 THEN 'loyalty:repeat' ELSE 'loyalty:first-time' END,
  CASE WHEN vendor_share >= 0.5 AND vendor_orders >= 2 THEN 'brand:' || vendor_slug END,
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
