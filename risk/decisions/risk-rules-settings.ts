import { ValidationError } from '../../core/errors';
import { auditQuietly, type RiskActor, type RiskServiceDeps } from '../ports';
import { DEFAULT_RULES, parseRulesDocument, type RulesDocument } from '../scoring';

/** A shop's rules as the admin shows them. */
export interface ShopRules {
  rules: RulesDocument;
  isDefault: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
  model: { trained: boolean; labelCount: number | null; trainedAt: string | null };
}

/** Reads the shop's rules document (defaults until the merchant saves one). */
export async function getShopRules(deps: Pick<RiskServiceDeps, 'db'>, shopId: string): Promise<ShopRules> {
  const { rows } = await deps.db.query({
    text: 'SELECT rules, rules_updated_by, updated_at, model IS NOT NULL AS trained, model_label_count, model_trained_at FROM risk_shop_state WHERE shop_id = $1',
    values: [shopId],
  });
  const row = rows[0];
  const parsed = row?.rules ? parseRulesDocument(row.rules) : undefined;
  return {
    rules: parsed?.ok ? parsed.rules : DEFAULT_RULES,
    isDefault: !parsed?.ok,
    updatedBy: row?.rules_updated_by ?? null,
    updatedAt: row?.rules ? (row.updated_at as Date).toISOString() : null,
    model: { trained: row?.trained ?? false, labelCount: row?.model_label_count === null || row?.model_label_count === undefined ? null : Number(row.model_label_count), trainedAt: row?.model_trained_at ? (row.model_trained_at as Date).toISOString() : null },
  };
}

/** Validates and saves a rules document; every problem is reported at once and nothing is saved. */
export async function putShopRules(deps: RiskServiceDeps, shopId: string, actor: RiskActor, input: unknown): Promise<ShopRules> {
  const parsed = parseRulesDocument(input);
  if (!parsed.ok) {
    const problems = parsed.problems.map((problem) => {
      const split = problem.indexOf(': ');
      return { path: problem.slice(0, split), message: problem.slice(split + 2) };
    });
    throw new ValidationError(`The rules were not saved: ${parsed.problems.join('; ')}`, { details: { problems } });
  }
  await deps.db.query({
    text: `INSERT INTO risk_shop_state (shop_id, rules, rules_updated_by, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (shop_id) DO UPDATE SET rules = EXCLUDED.rules, rules_updated_by = EXCLUDED.rules_updated_by, updated_at = EXCLUDED.updated_at`,
    values: [shopId, JSON.stringify(parsed.rules), actor.id, deps.clock.now()],
  });
  const { thresholds } = parsed.rules;
  await auditQuietly(deps.audit, { shopId, actor, action: 'risk.rules.update', detail: { rules: parsed.rules.rules.length, review: thresholds.review, deny: thresholds.deny } }, (e) => deps.onError?.(e, 'audit'));
  return getShopRules(deps, shopId);
}
