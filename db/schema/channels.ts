import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { shopIdColumn, timestampTz } from './columns';

const shopId = shopIdColumn;
const at = timestampTz;

/** A web-chat conversation on the built-in Direct Line; `last_watermark` numbers its activities. */
export const directLineConversations = pgTable(
  'direct_line_conversations',
  {
    id: text('id').primaryKey(),
    shopId: shopId(),
    userId: text('user_id').notNull(),
    /** First-party device id from the widget, for risk control; not personal data on its own. */
    deviceId: text('device_id'),
    locale: text('locale'),
    lastWatermark: integer('last_watermark').notNull().default(0),
    startedAt: at('started_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    lastActivityAt: at('last_activity_at').notNull().defaultNow(),
  },
  (t) => [index('direct_line_conversations_shop_idx').on(t.shopId, t.lastActivityAt)],
);

/** Every activity of a Direct Line conversation, in watermark order. */
export const directLineActivities = pgTable(
  'direct_line_activities',
  {
    shopId: shopId(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => directLineConversations.id, { onDelete: 'cascade' }),
    watermark: integer('watermark').notNull(),
    activity: jsonb('activity').$type<Record<string, unknown>>().notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.watermark] }), index('direct_line_activities_shop_idx').on(t.shopId, t.createdAt)],
);

/** A Facebook page connected to a shop; the page access token is sealed at rest. */
export const messengerPages = pgTable('messenger_pages', {
  pageId: text('page_id').primaryKey(),
  shopId: shopId(),
  accessTokenSealed: text('access_token_sealed').notNull(),
  /** The app id of the page inbox (or another app) that takes threads when a human takes over. */
  humanAppId: text('human_app_id').notNull().default('263902037430900'),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** One Messenger thread (page + person): when they last wrote, and who owns the thread. */
export const messengerThreads = pgTable(
  'messenger_threads',
  {
    shopId: shopId(),
    pageId: text('page_id')
      .notNull()
      .references(() => messengerPages.pageId, { onDelete: 'cascade' }),
    psid: text('psid').notNull(),
    lastUserMessageAt: at('last_user_message_at'),
    owner: text('owner').$type<'bot' | 'human'>().notNull().default('bot'),
    updatedAt: at('updated_at').notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.pageId, t.psid] })],
);
