import type { Features } from '../signals';
import type { Rule, RulesDocument } from './rules-document';
import type { Reason } from './types';

function strength(rule: Rule, value: number): number {
  const met = rule.op === '>=' ? value >= rule.threshold : value <= rule.threshold;
  if (!met) return 0;
  if (rule.saturateAt === undefined || rule.saturateAt === rule.threshold) return 1;
  const progress = (value - rule.threshold) / (rule.saturateAt - rule.threshold);
  return 0.5 + 0.5 * Math.min(1, Math.max(0, progress));
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Fills `{value}` and trims to Shopify's 256-character limit for a fact. */
export function describe(template: string, value: number): string {
  const text = template.replaceAll('{value}', formatValue(value));
  return text.length <= 256 ? text : `${text.slice(0, 255)}…`;
}

/** The rules' log-odds for a feature vector, with one reason per rule that fired. */
export function applyRules(features: Features, rules: RulesDocument): { logOdds: number; reasons: Reason[] } {
  let logOdds = rules.baseLogOdds;
  const reasons: Reason[] = [];
  for (const rule of rules.rules) {
    const value = features[rule.feature];
    if (!rule.enabled || Number.isNaN(value)) continue;
    const share = strength(rule, value);
    if (share === 0) continue;
    const contribution = rule.weight * share;
    logOdds += contribution;
    reasons.push({ code: rule.id, description: describe(rule.reason, value), contribution });
  }
  return { logOdds, reasons };
}
