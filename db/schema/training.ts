import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { shopIdColumn, timestampTz } from './columns';

const shopId = shopIdColumn;
const at = timestampTz;

/**
 * Trainers' labels from the review queue: the redacted text of a turn and the intent it should have
 * (`None` for out-of-scope). They feed the next training; a stable slice of them is held out for evaluation.
 */
export const trainerLabels = pgTable(
  'trainer_labels',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    shopId: shopId(),
    language: text('language').notNull(),
    /** The review item it came from; one label per item (a relabel replaces it). */
    reviewItemId: uuid('review_item_id'),
    /** Redacted text only: it is copied from the review item, which holds redacted text only. */
    text: text('text').notNull(),
    intent: text('intent').notNull(),
    /** `assign`, `new-intent`, `out-of-scope` or `merge`. */
    action: text('action').notNull(),
    actor: text('actor').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('trainer_labels_shop_idx').on(t.shopId, t.language, t.createdAt),
    uniqueIndex('trainer_labels_item_idx').on(t.shopId, t.reviewItemId),
  ],
);

/** Review items a trainer merged into another as duplicates; they take the label the kept item gets. */
export const reviewMerges = pgTable(
  'review_merges',
  {
    shopId: shopId(),
    itemId: uuid('item_id').notNull(),
    intoItemId: uuid('into_item_id').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_merges_item_idx').on(t.shopId, t.itemId), index('review_merges_into_idx').on(t.shopId, t.intoItemId)],
);

/**
 * One retraining attempt per row: `running`, then `succeeded` or `failed` (a crash leaves `running`,
 * which the next run marks `abandoned`). At most one run per shop and language is `running`.
 */
export const trainingRuns = pgTable(
  'training_runs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    shopId: shopId(),
    language: text('language').notNull(),
    /** `nightly`, `cli` or `admin`. */
    trigger: text('trigger').notNull(),
    status: text('status').notNull(),
    startedAt: at('started_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
    corpusSize: integer('corpus_size'),
    heldOutSize: integer('held_out_size'),
    trainingMs: integer('training_ms'),
    modelBytes: integer('model_bytes'),
    /** Candidate and live metrics on the held-out turns, and the gate's decision with its reasons. */
    evaluation: jsonb('evaluation').$type<Record<string, unknown>>(),
    promoted: boolean('promoted'),
    /** The stored `intent_model_versions` row, when training finished. */
    versionId: uuid('version_id'),
    /** The error's code and message; never personal data (training input is redacted text only). */
    error: text('error'),
  },
  (t) => [
    index('training_runs_shop_idx').on(t.shopId, t.language, t.startedAt),
    uniqueIndex('training_runs_one_running_idx')
      .on(t.shopId, t.language)
      .where(sql`${t.status} = 'running'`),
  ],
);
