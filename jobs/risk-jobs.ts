import { z } from 'zod';
import type { RiskService } from '../risk';
import { defineJob, type JobDefinition } from './runner';

/** What the risk jobs need: the risk service built by the composition root. */
export interface RiskJobDeps {
  risk: RiskService;
}

const shopId = z.string().uuid();
const shopifyId = z.number().int().positive();

/**
 * `risk.score-order` {shopId, orderId} and `risk.score-account` {shopId, customerId} score once and
 * enqueue `risk.write-back` {shopId, verdictId}; `risk.train-model` {shopId} retrains on the shop's outcomes.
 * Route `order.created` → score-order and `customer.created` → score-account.
 */
export function riskJobs(deps: RiskJobDeps): JobDefinition<any>[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  const scoreOrder = defineJob({
    name: 'risk.score-order',
    schema: z.object({ shopId, orderId: shopifyId }).strict(),
    async handle(data, context) {
      const { verdict, scored } = await deps.risk.scoreOrder(data.shopId, data.orderId);
      if (scored || !verdict.writtenBackAt) await context.enqueue('risk.write-back', { shopId: data.shopId, verdictId: verdict.id });
      context.logger.info({ verdict: verdict.id, decision: verdict.decision, scored }, 'order scored');
    },
  });
  const scoreAccount = defineJob({
    name: 'risk.score-account',
    schema: z.object({ shopId, customerId: shopifyId }).strict(),
    async handle(data, context) {
      const { verdict, scored } = await deps.risk.scoreAccount(data.shopId, data.customerId);
      if (verdict.decision !== 'allow' && (scored || !verdict.writtenBackAt)) await context.enqueue('risk.write-back', { shopId: data.shopId, verdictId: verdict.id });
      context.logger.info({ verdict: verdict.id, decision: verdict.decision, scored }, 'account scored');
    },
  });
  const writeBack = defineJob({
    name: 'risk.write-back',
    schema: z.object({ shopId, verdictId: z.string().uuid() }).strict(),
    async handle(data, context) {
      const result = await deps.risk.writeBack(data.shopId, data.verdictId);
      context.logger.info({ verdict: data.verdictId, level: result.assessment?.riskLevel, tags: result.tags.length, skipped: result.skipped }, 'verdict written back');
    },
  });
  const trainModel = defineJob({
    name: 'risk.train-model',
    schema: z.object({ shopId }).strict(),
    concurrency: 1,
    lockLifetimeMs: 10 * 60_000,
    async handle(data, context) {
      const result = await deps.risk.trainModel(data.shopId);
      context.logger.info(result, result.trained ? 'risk model trained' : 'risk model not trained yet');
    },
  });
  return [scoreOrder, scoreAccount, writeBack, trainModel];
}
