import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { shops } from './shops';

const shopId = () =>
  uuid('shop_id')
    .notNull()
    .references(() => shops.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The audience tags of one customer, keyed by their pseudonymous id only: no Shopify id, email or name
 * lives here, so a dump of this table cannot be linked to anyone without the shop's sealed key.
 */
export const audienceProfiles = pgTable(
  'audience_profiles',
  {
    shopId: shopId(),
    /** HMAC pseudonym of the customer id under the shop key (`privacy/keys`). */
    subject: text('subject').notNull(),
    /** `kind:value` tags, e.g. `age:25-34`, `interest:running`, `rfm:champions`. */
    tags: text('tags').array().notNull(),
    keyVersion: integer('key_version').notNull(),
    computedAt: at('computed_at').notNull(),
  },
  // GIN on the tags: segment sizes ask `tags @> ARRAY[...]` (AND) and `tags && ARRAY[...]` (OR).
  (t) => [primaryKey({ columns: [t.shopId, t.subject] }), index('audience_profiles_tags_idx').using('gin', t.tags)],
);

/**
 * What a customer asked about in chat: the recognised intent as a slug (`return-policy`) and when, keyed by
 * pseudonym like the profiles. Recorded only for conversations where the buyer proved who they are; never
 * words. The check keeps free text out even if a caller tried to write some.
 */
export const audienceChatTopics = pgTable(
  'audience_chat_topics',
  {
    shopId: shopId(),
    /** HMAC pseudonym of the customer id under the shop key version `key_version`. */
    subject: text('subject').notNull(),
    keyVersion: integer('key_version').notNull(),
    topic: text('topic').notNull(),
    askedAt: at('asked_at').notNull(),
  },
  (t) => [
    index('audience_chat_topics_subject_idx').on(t.shopId, t.subject, t.askedAt),
    check('audience_chat_topics_topic_is_slug', sql`${t.topic} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(${t.topic}) <= 64`),
  ],
);

/**
 * One tag refresh: the thresholds it derived (RFM quintiles, spend tiers; incremental refreshes reuse the
 * last full one's), the tag counts it produced (the catalogue snapshot) and the definitions version.
 */
export const audienceRefreshes = pgTable(
  'audience_refreshes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    shopId: shopId(),
    /** `full` or `incremental`. */
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    definitionsVersion: text('definitions_version').notNull(),
    keyVersion: integer('key_version').notNull(),
    asOf: at('as_of').notNull(),
    thresholds: jsonb('thresholds').$type<Record<string, number[]>>().notNull().default({}),
    tagCounts: jsonb('tag_counts').$type<Record<string, number>>().notNull().default({}),
    profiles: integer('profiles').notNull().default(0),
    durationMs: integer('duration_ms'),
    startedAt: at('started_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
  },
  (t) => [index('audience_refreshes_shop_idx').on(t.shopId, t.startedAt)],
);

/** A merchant's saved segment: a tag query such as `discount:high AND interest:running AND country:SG`. */
export const audienceSegments = pgTable(
  'audience_segments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    shopId: shopId(),
    name: text('name').notNull(),
    query: text('query').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('audience_segments_shop_name_idx').on(t.shopId, t.name)],
);

/** A segment's size after each full refresh, for "changed since the last refresh". Shown only when ≥ k. */
export const audienceSegmentSizes = pgTable(
  'audience_segment_sizes',
  {
    shopId: shopId(),
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => audienceSegments.id, { onDelete: 'cascade' }),
    refreshId: uuid('refresh_id')
      .notNull()
      .references(() => audienceRefreshes.id, { onDelete: 'cascade' }),
    size: integer('size').notNull(),
    measuredAt: at('measured_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.segmentId, t.refreshId] }), index('audience_segment_sizes_shop_idx').on(t.shopId, t.segmentId, t.measuredAt)],
);

/** A segment written back to Shopify (customer tags, optionally a Shopify segment); the export history. */
export const audienceExports = pgTable(
  'audience_exports',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    shopId: shopId(),
    segmentId: uuid('segment_id').references(() => audienceSegments.id, { onDelete: 'set null' }),
    segmentName: text('segment_name').notNull(),
    query: text('query').notNull(),
    /** The Shopify customer tag written, `storedesk:<segment-slug>`. */
    shopifyTag: text('shopify_tag').notNull(),
    createShopifySegment: boolean('create_shopify_segment').notNull().default(false),
    /** `queued`, `running`, `done`, `refused` (below k at run time) or `failed`. */
    status: text('status').notNull(),
    size: integer('size'),
    tagged: integer('tagged').notNull().default(0),
    shopifySegmentId: text('shopify_segment_id'),
    requestedBy: text('requested_by').notNull(),
    error: text('error'),
    requestedAt: at('requested_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
  },
  (t) => [index('audience_exports_shop_idx').on(t.shopId, t.requestedAt)],
);
