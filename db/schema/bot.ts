import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { shopIdColumn, timestampTz } from './columns';

const shopId = shopIdColumn;
const at = timestampTz;

/** One row per bot conversation: which shop it serves, its channel and where to reach the buyer again. */
export const botConversations = pgTable(
  'bot_conversations',
  {
    shopId: shopId(),
    channelId: text('channel_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    language: text('language'),
    /** botbuilder ConversationReference, for replies from the merchant inbox. */
    reference: jsonb('reference').$type<Record<string, unknown>>().notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    lastActivityAt: at('last_activity_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.channelId, t.conversationId] }),
    // A conversation belongs to one shop; channels that don't name the shop on every activity look it up here.
    uniqueIndex('bot_conversations_channel_conversation_idx').on(t.channelId, t.conversationId),
  ],
);

/** Raw turns (buyer, bot, staff) kept for the shop's retention period; the retention job deletes by `created_at`. */
export const botTranscripts = pgTable(
  'bot_transcripts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    shopId: shopId(),
    channelId: text('channel_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    /** `buyer`, `bot` or `staff`. */
    sender: text('sender').notNull(),
    text: text('text').notNull(),
    language: text('language'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('bot_transcripts_conversation_idx').on(t.shopId, t.conversationId, t.createdAt),
    index('bot_transcripts_retention_idx').on(t.shopId, t.createdAt),
  ],
);

/** A buyer handed to a person: `waiting` until staff reply, `connected` while staff own it, then `closed`. */
export const botHandoffs = pgTable(
  'bot_handoffs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    shopId: shopId(),
    channelId: text('channel_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    status: text('status').notNull(),
    /** `requested` (buyer asked), `low_confidence` or `language`. */
    reason: text('reason').notNull(),
    language: text('language').notNull(),
    reference: jsonb('reference').$type<Record<string, unknown>>().notNull(),
    assignedTo: text('assigned_to'),
    closedBy: text('closed_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    closedAt: at('closed_at'),
  },
  (t) => [
    index('bot_handoffs_open_idx').on(t.shopId, t.status, t.createdAt),
    uniqueIndex('bot_handoffs_one_open_idx')
      .on(t.shopId, t.channelId, t.conversationId)
      .where(sql`${t.status} <> 'closed'`),
  ],
);

/** Fixed-window counters for failed order lookups, shared by every bot process. */
export const botRateLimits = pgTable(
  'bot_rate_limits',
  {
    shopId: shopId(),
    key: text('key').notNull(),
    windowStart: at('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.key] })],
);

/** The merchant's own answer for an intent and language; it wins over the default catalog. */
export const botAnswerOverrides = pgTable(
  'bot_answer_overrides',
  {
    shopId: shopId(),
    intent: text('intent').notNull(),
    language: text('language').notNull(),
    answer: jsonb('answer').$type<Record<string, unknown>>().notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.intent, t.language] })],
);

/** Trained NLP.js models per shop and language; the bot serves the row marked `active`. */
export const intentModelVersions = pgTable(
  'intent_model_versions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    shopId: shopId(),
    language: text('language').notNull(),
    version: integer('version').notNull(),
    /** `candidate`, `active` or `retired`. */
    status: text('status').notNull(),
    model: jsonb('model').notNull(),
    metrics: jsonb('metrics').$type<Record<string, unknown>>().notNull().default({}),
    corpusSize: integer('corpus_size').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
    promotedAt: at('promoted_at'),
  },
  (t) => [
    uniqueIndex('intent_model_versions_version_idx').on(t.shopId, t.language, t.version),
    uniqueIndex('intent_model_versions_active_idx')
      .on(t.shopId, t.language)
      .where(sql`${t.status} = 'active'`),
  ],
);

/** Low-confidence turns waiting for a trainer; text and context are redacted before they get here. */
export const reviewItems = pgTable(
  'review_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    shopId: shopId(),
    language: text('language').notNull(),
    /** A hash of the conversation, so duplicates can be grouped without pointing at the raw transcript. */
    conversationRef: text('conversation_ref').notNull(),
    text: text('text').notNull(),
    context: jsonb('context').$type<string[]>().notNull().default([]),
    topIntents: jsonb('top_intents').$type<Array<{ intent: string; score: number }>>().notNull().default([]),
    answer: text('answer').notNull(),
    status: text('status').notNull().default('open'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('review_items_open_idx').on(t.shopId, t.status, t.createdAt)],
);

/** Redacted buyer turns with the intent the bot chose, for nightly training. */
export const corpusTurns = pgTable(
  'corpus_turns',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    shopId: shopId(),
    language: text('language').notNull(),
    text: text('text').notNull(),
    intent: text('intent'),
    score: real('score'),
    /** `bot` (predicted at chat time) or `trainer` (a label from the review queue). */
    source: text('source').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('corpus_turns_shop_idx').on(t.shopId, t.language, t.createdAt)],
);
