import { and, eq, inArray } from 'drizzle-orm';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors';
import type { Db } from '../../db';
import { schema } from '../../db';
import type { AuditLog } from '../../privacy';
import type { AnswerCatalog, CatalogAnswer } from '../default-catalog';
import { answerSchema, loadDefaultCatalog } from '../default-catalog';
import { NONE_INTENT } from '../intent-model';
import { listKnownIntents } from './known-intents';
import type { LabelAction } from './trainer-labels';
import { labelItemAndDuplicates } from './trainer-labels';

/** Who acts: the authenticated staff member and their shop (never taken from the request body). */
export interface Trainer {
  shopId: string;
  actor: string;
}

/** Stores the merchant's answer for an intent (the bot's `saveAnswerOverride`). */
export type SaveAnswerOverride = (db: Db, shopId: string, intent: string, language: string, answer: CatalogAnswer) => Promise<void>;

/** What {@link createReviewActions} needs. */
export interface ReviewActionsDeps {
  db: Db;
  auditLog: Pick<AuditLog, 'record'>;
  saveAnswerOverride: SaveAnswerOverride;
  catalog?: AnswerCatalog;
}

/** The outcome of an action: the item's new status and how many labels now feed training. */
export interface ReviewOutcome {
  id: string;
  status: string;
  labels: number;
}

const INTENT_ID = /^[a-z][a-z0-9_]{0,62}$/;
type Item = typeof schema.reviewItems.$inferSelect;

/** Trainers' actions on the review queue; each is scoped by shop, audited, and feeds the next training. */
export function createReviewActions(deps: ReviewActionsDeps) {
  const { db } = deps;
  const items = schema.reviewItems;
  const catalog = () => deps.catalog ?? loadDefaultCatalog();

  async function openItem(shopId: string, id: string): Promise<Item> {
    const [item] = await db.select().from(items).where(and(eq(items.shopId, shopId), eq(items.id, id)));
    if (!item) throw new NotFoundError('No such review item');
    if (item.status !== 'open') throw new ConflictError(`This review item was already handled (${item.status})`);
    return item;
  }

  async function resolve(trainer: Trainer, id: string, status: string, label?: { intent: string; action: LabelAction }): Promise<{ item: Item; labels: number }> {
    const item = await openItem(trainer.shopId, id);
    const labels = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(items)
        .set({ status })
        .where(and(eq(items.shopId, trainer.shopId), eq(items.id, id), eq(items.status, 'open')))
        .returning({ id: items.id });
      if (!claimed) throw new ConflictError('This review item was handled by someone else just now');
      if (!label) return 0;
      return labelItemAndDuplicates(tx, { shopId: trainer.shopId, itemId: id, language: item.language, text: item.text, intent: label.intent, action: label.action, actor: trainer.actor });
    });
    return { item, labels };
  }

  const audit = (trainer: Trainer, action: string, itemId: string, detail: Record<string, unknown>) =>
    deps.auditLog.record({ shopId: trainer.shopId, actor: { kind: 'trainer', id: trainer.actor }, action, subject: `review-item:${itemId}`, detail });

  function parseIntentId(intent: unknown): string {
    if (typeof intent !== 'string' || !INTENT_ID.test(intent)) {
      throw new ValidationError('The intent must be lower-case letters, digits and _ (starting with a letter)', { details: { problems: [{ path: 'intent', message: 'lower-case letters, digits and _ only' }] } });
    }
    return intent;
  }

  return {
    /** Labels the turn with an intent the shop already has. */
    async assign(trainer: Trainer, id: string, intent: unknown): Promise<ReviewOutcome> {
      const intentId = parseIntentId(intent);
      const item = await openItem(trainer.shopId, id);
      const known = await listKnownIntents(db, trainer.shopId, item.language, catalog());
      if (!known.some((k) => k.id === intentId)) throw new ValidationError(`Unknown intent "${intentId}"; create it with its answer instead`, { details: { problems: [{ path: 'intent', message: 'unknown intent' }] } });
      const { labels } = await resolve(trainer, id, 'labelled', { intent: intentId, action: 'assign' });
      await audit(trainer, 'review.assign', id, { intent: intentId, language: item.language, labels });
      return { id, status: 'labelled', labels };
    },

    /** Creates a new intent with the merchant's answer, and labels the turn with it. */
    async createIntent(trainer: Trainer, id: string, input: { intent: unknown; answer: unknown }): Promise<ReviewOutcome> {
      const intentId = parseIntentId(input.intent);
      const answer = answerSchema.safeParse(input.answer);
      if (!answer.success) {
        const problems = answer.error.issues.map((i) => ({ path: ['answer', ...i.path].join('.'), message: i.message }));
        throw new ValidationError(`Invalid answer: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, { details: { problems } });
      }
      const item = await openItem(trainer.shopId, id);
      const known = await listKnownIntents(db, trainer.shopId, item.language, catalog());
      if (known.some((k) => k.id === intentId)) throw new ConflictError(`The intent "${intentId}" already exists; assign it instead`);
      await deps.saveAnswerOverride(db, trainer.shopId, intentId, item.language, answer.data);
      const { labels } = await resolve(trainer, id, 'labelled', { intent: intentId, action: 'new-intent' });
      await audit(trainer, 'review.new-intent', id, { intent: intentId, language: item.language, labels });
      return { id, status: 'labelled', labels };
    },

    /** Labels the turn out-of-scope (`None`), so the model learns to say it is not sure. */
    async markOutOfScope(trainer: Trainer, id: string): Promise<ReviewOutcome> {
      const { item, labels } = await resolve(trainer, id, 'out_of_scope', { intent: NONE_INTENT, action: 'out-of-scope' });
      await audit(trainer, 'review.out-of-scope', id, { language: item.language, labels });
      return { id, status: 'out_of_scope', labels };
    },

    /** Removes the turn from the queue without teaching anything (noise, test messages). */
    async dismiss(trainer: Trainer, id: string): Promise<ReviewOutcome> {
      const { item } = await resolve(trainer, id, 'dismissed');
      await audit(trainer, 'review.dismiss', id, { language: item.language });
      return { id, status: 'dismissed', labels: 0 };
    },

    /** Folds duplicate turns into one kept item; they get its label when it is labelled. */
    async merge(trainer: Trainer, intoId: string, duplicateIds: readonly string[]): Promise<{ id: string; merged: number }> {
      const ids = [...new Set(duplicateIds)].filter((d) => d !== intoId);
      if (ids.length === 0) throw new ValidationError('Name at least one duplicate other than the kept item');
      const into = await openItem(trainer.shopId, intoId);
      const merged = await db.transaction(async (tx) => {
        const claimed = await tx
          .update(items)
          .set({ status: 'merged' })
          .where(and(eq(items.shopId, trainer.shopId), inArray(items.id, ids), eq(items.status, 'open'), eq(items.language, into.language)))
          .returning({ id: items.id });
        if (claimed.length !== ids.length) throw new ConflictError('Some duplicates are not open items of this shop in the same language');
        await tx.insert(schema.reviewMerges).values(claimed.map((c) => ({ shopId: trainer.shopId, itemId: c.id, intoItemId: intoId })));
        return claimed.length;
      });
      await audit(trainer, 'review.merge', intoId, { language: into.language, merged });
      return { id: intoId, merged };
    },

    /** The intents trainers can assign in a language. */
    knownIntents: (shopId: string, language: string) => listKnownIntents(db, shopId, language, catalog()),
  };
}

/** The review actions object. */
export type ReviewActions = ReturnType<typeof createReviewActions>;
