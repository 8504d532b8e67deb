import { api } from './admin-api';

export type {
  DecisionCounts,
  RiskRuleView as RiskRule,
  RulesDocumentView as RulesDocument,
  RulesPreview,
  ShopRulesView as ShopRules,
} from '../../../risk/decisions/rules-view-types';
import type { RiskRuleView as RiskRule, RulesDocumentView as RulesDocument, RulesPreview, ShopRulesView as ShopRules } from '../../../risk/decisions/rules-view-types';

export const RULES_PATH = '/api/admin/risk/rules';

/** Saves the rules; a 400 carries every problem (`ApiError.problems`, paths like `rules.3.weight`). */
export function saveRules(document: RulesDocument): Promise<ShopRules> {
  return api<ShopRules>(RULES_PATH, { method: 'PUT', body: document });
}

/** Tries rules on recent orders without saving them. */
export function previewRules(document: RulesDocument): Promise<RulesPreview> {
  return api<RulesPreview>(`${RULES_PATH}/preview`, { method: 'POST', body: document });
}

/** What the form edits: numbers as typed, scores and shares on the 0-100 scale the risk queue shows. */
export interface RulesDraft {
  review: string;
  deny: string;
  /** Percent of orders that are fraud before any rule: where every score starts. */
  baseRate: string;
  /** Percent share of the shop's learned model in the score, once one is trained. */
  blend: string;
  /** The rules as edited, in order: each with the rule it started from (a new rule starts from its template). */
  rules: Array<{ rule: RiskRule; threshold: string; weight: string; enabled: boolean; reason: string }>;
}

/** A rule the merchant adds: what it reads, which way, from where, how much, and why. */
export interface NewRule {
  feature: string;
  op: '>=' | '<=';
}

const ruleDraft = (rule: RiskRule): RulesDraft['rules'][number] => ({ rule, threshold: Number.isFinite(rule.threshold) ? String(rule.threshold) : '', weight: Number.isFinite(rule.weight) ? String(rule.weight) : '', enabled: rule.enabled, reason: rule.reason });

/** A new rule's draft, with an id from its feature that no other rule of the draft has. */
export function addedRule(draft: RulesDraft, added: NewRule): RulesDraft['rules'][number] {
  const stem = added.feature.replaceAll('_', '-').slice(0, 60);
  const taken = new Set(draft.rules.map((r) => r.rule.id));
  let id = stem;
  for (let n = 2; taken.has(id); n += 1) id = `${stem}-${n}`;
  return ruleDraft({ id, feature: added.feature, op: added.op, threshold: Number.NaN, weight: Number.NaN, enabled: true, reason: '' });
}

const REASON_LENGTH = 200;
const asScore = (probability: number) => String(Math.round(probability * 1000) / 10);
const asRate = (logOdds: number) => String(Number(((100 / (1 + Math.exp(-logOdds))).toPrecision(3))));

/** The form's starting values for a document. */
export function draftOf(document: RulesDocument): RulesDraft {
  return {
    review: asScore(document.thresholds.review),
    deny: asScore(document.thresholds.deny),
    baseRate: asRate(document.baseLogOdds),
    blend: asScore(document.model.blendWeight),
    rules: document.rules.map(ruleDraft),
  };
}

/**
 * The document the draft stands for, or the fields that are not numbers or are empty (keyed by the server's paths,
 * so local and server problems show at the same field). Ranges are the server's to check.
 */
export function documentOf(base: RulesDocument, draft: RulesDraft): { document: RulesDocument; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const shown = draftOf(base);
  const number = (path: string, text: string) => {
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(value)) errors[path] = 'Enter a number';
    return value;
  };
  const score = (path: string, text: string) => {
    const value = number(path, text);
    if (!errors[path] && (value < 0 || value > 100)) errors[path] = 'Enter a score from 0 to 100';
    return value / 100;
  };
  // A share left as shown keeps its stored value: the percent on screen is rounded.
  const baseLogOdds = () => {
    if (draft.baseRate.trim() === shown.baseRate) return base.baseLogOdds;
    const rate = number('baseLogOdds', draft.baseRate);
    if (errors.baseLogOdds) return rate;
    if (rate <= 0 || rate >= 100) {
      errors.baseLogOdds = 'Enter a share above 0 and below 100';
      return Number.NaN;
    }
    return Math.log(rate / (100 - rate));
  };
  const blendWeight = draft.blend.trim() === shown.blend ? base.model.blendWeight : score('model.blendWeight', draft.blend);
  const reason = (index: number, text: string) => {
    const path = `rules.${index}.reason`;
    const value = text.trim();
    if (value === '') errors[path] = 'Enter the reason staff and Shopify are shown';
    else if (value.length > REASON_LENGTH) errors[path] = `Use at most ${REASON_LENGTH} characters`;
    return value;
  };
  const document: RulesDocument = {
    ...base,
    baseLogOdds: baseLogOdds(),
    thresholds: { review: score('thresholds.review', draft.review), deny: score('thresholds.deny', draft.deny) },
    model: { ...base.model, blendWeight },
    rules: draft.rules.map((edited, index) => {
      const { rule } = edited;
      const threshold = number(`rules.${index}.threshold`, edited.threshold);
      // Moving where a rule starts moves where it reaches full weight by as much, keeping its ramp.
      const saturateAt = rule.saturateAt === undefined || !Number.isFinite(threshold) ? rule.saturateAt : rule.saturateAt + (threshold - rule.threshold);
      return { ...rule, threshold, saturateAt, weight: number(`rules.${index}.weight`, edited.weight), enabled: edited.enabled, reason: reason(index, edited.reason) };
    }),
  };
  return { document, errors };
}

/** A problem's field in words: `rules.3.weight` is "Weight of “same-card”", `rules.3.threshold` "Starting value of “same-card”". */
export function fieldName(path: string, document: RulesDocument): string {
  const names: Record<string, string> = { 'thresholds.review': 'Review at score', 'thresholds.deny': 'Deny at score', baseLogOdds: 'Fraud before any rule', 'model.blendWeight': "Learned model's share" };
  if (names[path]) return names[path];
  const rule = /^rules\.(\d+)\.(\w+)/.exec(path);
  const fields: Record<string, string> = { weight: 'Weight', threshold: 'Starting value', reason: 'Reason' };
  if (rule) return `${fields[rule[2]!] ?? rule[2]} of “${document.rules[Number(rule[1])]?.id ?? rule[1]}”`;
  return path;
}
