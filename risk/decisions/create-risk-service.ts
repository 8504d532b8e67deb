import { NotFoundError } from '../../core/errors';
import { appealUrlFor } from '../appeals';
import { withSignupDevice } from '../storefront-devices';
import type { RiskServiceDeps } from '../ports';
import { accountEventWithVerdict, orderEventFromMirror } from './events-from-mirror';
import { reviewVerdict } from './review-verdict';
import { previewShopRules } from './preview-rules';
import { getShopRules, putShopRules } from './risk-rules-settings';
import { scoreSubject, type ScoreResult } from './score-subject';
import { createShopConfigCache } from './shop-risk-config';
import { trainShopModel } from './train-shop-model';
import { findVerdict } from './verdict-record';
import { writeBackVerdict } from './write-back-verdict';

/**
 * The risk use-cases for the product, over Postgres: the composition root builds one and hands it to
 * the job definitions and route modules.
 */
export function createRiskService(deps: RiskServiceDeps) {
  const configs = createShopConfigCache(deps.db, () => deps.clock.now().getTime(), deps.onError);
  return {
    deps,
    /** Scores a mirrored order (orders/create) once; undefined when the order is not mirrored. */
    async scoreOrder(shopId: string, orderId: number): Promise<ScoreResult> {
      const found = await orderEventFromMirror(deps.db, shopId, orderId);
      if (!found) throw new NotFoundError(`Order ${orderId} is not in the mirror yet`);
      return scoreSubject(deps, configs, shopId, found.event, { type: 'order', id: String(orderId), customerId: found.customerId }, found.verdictId);
    },
    /** Scores a mirrored customer's sign-up (customers/create) once. */
    async scoreAccount(shopId: string, customerId: number): Promise<ScoreResult> {
      const found = await accountEventWithVerdict(deps.db, shopId, customerId);
      if (!found) throw new NotFoundError(`Customer ${customerId} is not in the mirror yet`);
      // The device comes from the storefront's sign-up report; a subject scored before needs no look-up.
      const event = found.verdictId === null ? await withSignupDevice(deps.db, deps.hasher, shopId, found.event) : found.event;
      return scoreSubject(deps, configs, shopId, event, { type: 'account', id: String(customerId), customerId }, found.verdictId);
    },
    writeBack: (shopId: string, verdictId: string) => writeBackVerdict(deps, shopId, verdictId),
    review: (shopId: string, actor: Parameters<typeof reviewVerdict>[2], verdictId: string, input: unknown) => reviewVerdict(deps, shopId, actor, verdictId, input),
    trainModel: async (shopId: string) => {
      const result = await trainShopModel(deps, shopId);
      configs.forget(shopId);
      return result;
    },
    getRules: (shopId: string) => getShopRules(deps, shopId),
    putRules: async (shopId: string, actor: Parameters<typeof putShopRules>[2], input: unknown) => {
      const saved = await putShopRules(deps, shopId, actor, input);
      configs.forget(shopId);
      return saved;
    },
    /** What edited rules would decide on the shop's recent orders, next to the saved ones; saves nothing. */
    previewRules: (shopId: string, input: unknown) => previewShopRules(deps, shopId, input),
    /** The appeal form's address for a denied order or account (for a refusal message or email). */
    async appealLinkForVerdict(shopId: string, verdictId: string): Promise<string> {
      const verdict = await findVerdict(deps.db, shopId, { id: verdictId });
      if (!verdict) throw new NotFoundError('No such verdict');
      return (await appealUrlFor(deps, shopId, Object.values(verdict.identifiers), verdict.id)).url;
    },
  };
}

/** The object {@link createRiskService} returns. */
export type RiskService = ReturnType<typeof createRiskService>;
