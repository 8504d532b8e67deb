import { ValidationError } from '../../core/errors';
import { auditQuietly, type RiskActor, type RiskServiceDeps } from '../ports';
import { DEFAULT_RULES, parseRulesDocument, type RulesDocument } from '../scoring';
import { FEATURE_DESCRIPTIONS } from '../signals';
import type { ShopRulesView } from './rules-view-types';

/** A shop's rules as the admin shows them, with the parsed document. */
export type ShopRules = ShopRulesView<RulesDocument>;

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
    features: FEATURE_DESCRIPTIONS,
  };
}

/** Validates a rules document, or throws a 400 listing every problem as `{path, message}`. */
export function parseRulesOrThrow(input: unknown, failure: string): RulesDocument {
  const parsed = parseRulesDocument(input);
  if (parsed.ok) return parsed.rules;
  const problems = parsed.problems.map((problem) => {
    const split = problem.indexOf(': ');
    return { path: problem.slice(0, split), message: problem.slice(split + 2) };
  });
  throw new ValidationError(`${failure}: ${parsed.problems.join('; ')}`, { details: { problems } });
}

/** What an edit changed, for the audit trail: rule ids and numbers only (a reason's new words are not copied). */
function changesOf(before: RulesDocument, after: RulesDocument): Record<string, unknown> {
  const old = new Map(before.rules.map((rule) => [rule.id, rule]));
  const changed: Array<Record<string, unknown>> = [];
  for (const rule of after.rules) {
    const was = old.get(rule.id);
    old.delete(rule.id);
    if (!was) changed.push({ rule: rule.id, added: true });
    else if (was.weight !== rule.weight || was.enabled !== rule.enabled || was.threshold !== rule.threshold || was.saturateAt !== rule.saturateAt || was.op !== rule.op || was.feature !== rule.feature || was.reason !== rule.reason)
      changed.push({ rule: rule.id, weight: [was.weight, rule.weight], enabled: [was.enabled, rule.enabled], threshold: [was.threshold, rule.threshold], ...(was.reason === rule.reason ? {} : { reasonChanged: true }) });
  }
  for (const id of old.keys()) changed.push({ rule: id, removed: true });
  return {
    rules: after.rules.length,
    review: after.thresholds.review,
    deny: after.thresholds.deny,
    thresholdsBefore: before.thresholds,
    ...(before.baseLogOdds === after.baseLogOdds ? {} : { baseLogOdds: [before.baseLogOdds, after.baseLogOdds] }),
    ...(before.model.blendWeight === after.model.blendWeight ? {} : { blendWeight: [before.model.blendWeight, after.model.blendWeight] }),
    changed: changed.slice(0, 50),
  };
}

/** Validates and saves a rules document; every problem is reported at once and nothing is saved. */
export async function putShopRules(deps: RiskServiceDeps, shopId: string, actor: RiskActor, input: unknown): Promise<ShopRules> {
  const rules = parseRulesOrThrow(input, 'The rules were not saved');
  const before = (await getShopRules(deps, shopId)).rules;
  await deps.db.query({
    text: `INSERT INTO risk_shop_state (shop_id, rules, rules_updated_by, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (shop_id) DO UPDATE SET rules = EXCLUDED.rules, rules_updated_by = EXCLUDED.rules_updated_by, updated_at = EXCLUDED.updated_at`,
    values: [shopId, JSON.stringify(rules), actor.id, deps.clock.now()],
  });
  await auditQuietly(deps.audit, { shopId, actor, action: 'risk.rules.update', detail: changesOf(before, rules) }, (e) => deps.onError?.(e, 'audit'));
  return getShopRules(deps, shopId);
}
