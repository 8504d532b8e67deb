import { isNull } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Db } from '../db';
import type { Retrainer } from '../training/retrain';
import { trainingLanguages } from '../training/retrain';
import { defineJob, type JobDefinition, type JobRunner } from './runner';

/** What the training jobs need; the composition root builds these once. */
export interface TrainingJobDeps {
  db: Db;
  retrainer: Retrainer;
  /** The runner's `every` (pass `(...args) => runner.every(...args)` when the runner is built after the definitions). */
  every: JobRunner['every'];
}

/** When the nightly retrain runs, on the shop's clock. */
export const NIGHTLY_RETRAIN_CRON = '0 3 * * *';

/** The unique key of a shop's nightly retrain in one language: rescheduling replaces it, never duplicates it. */
export const nightlyRetrainKey = (shopId: string, lang: string) => ({ 'data.shopId': shopId, 'data.lang': lang });

/**
 * Training jobs: `training.retrain` `{ shopId, lang }` retrains one shop and language (build corpus, train,
 * evaluate, gate, store); `training.schedule-nightly` `{}` (re)schedules `training.retrain` at 03:00 in each
 * installed shop's time zone, per language it trains in. Run the latter at start and daily.
 */
export function trainingJobs(deps: TrainingJobDeps): JobDefinition<any>[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  const retrain = defineJob({
    name: 'training.retrain',
    schema: z.object({ shopId: z.uuid(), lang: z.enum(['en', 'zh', 'ms', 'ta']) }).strict(),
    concurrency: 1,
    lockLifetimeMs: 30 * 60_000,
    async handle(data, context) {
      let reported = 0;
      const result = await deps.retrainer.retrainShop(data.shopId, data.lang, {
        trigger: 'nightly',
        onProgress: (fraction) => {
          // Touch the job lock now and then, not on every epoch.
          if (fraction - reported >= 0.1 || fraction === 1) {
            reported = fraction;
            void context.progress(fraction).catch(() => undefined);
          }
        },
      });
      context.logger.info(
        { shopId: data.shopId, lang: data.lang, version: result.version, promoted: result.promoted, macroF1: result.candidate?.macroF1 ?? null, corpus: result.corpus.size, seconds: result.trainingSeconds },
        'nightly retrain done',
      );
    },
  });

  const scheduleNightly = defineJob({
    name: 'training.schedule-nightly',
    schema: z.object({}).strict(),
    async handle(_data, context) {
      const shops = await deps.db.select({ id: schema.shops.id, timezone: schema.shops.timezone }).from(schema.shops).where(isNull(schema.shops.uninstalledAt));
      let scheduled = 0;
      for (const shop of shops) {
        for (const lang of await trainingLanguages(deps.db, shop.id)) {
          await deps.every(NIGHTLY_RETRAIN_CRON, 'training.retrain', { shopId: shop.id, lang }, { timezone: shop.timezone, uniqueKey: nightlyRetrainKey(shop.id, lang) });
          scheduled += 1;
        }
      }
      context.logger.info({ shops: shops.length, scheduled }, 'nightly retrains scheduled');
    },
  });

  return [retrain, scheduleNightly];
}
