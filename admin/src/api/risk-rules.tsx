import { api } from './admin-api';

export type {
  DecisionCounts,
  RiskRuleView as RiskRule,
  RulesDocumentView as RulesDocument,
  RulesPreview,
  ShopRulesView as ShopRules,
} from '../../../risk/decisions/rules-view-types';
import type { RulesDocumentView as RulesDocument, RulesPreview, ShopRulesView as ShopRules } from '../../../risk/decisions/rules-view-types';

export const RULES_PATH = '/api/admin/risk/rules';

/** Saves the rules; a 400 carries every problem (`ApiError.problems`, paths like `rules.3.weight`). */
export function saveRules(document: RulesDocument): Promise<ShopRules> {
  return api<ShopRules>(RULES_PATH, { method: 'PUT', body: document });
}

/** Tries rules on recent orders without saving them. */
export function previewRules(document: RulesDocument): Promise<RulesPreview> {
  return api<RulesPreview>(`${RULES_PATH}/preview`, { method: 'POST', body: document });
}

/** What the form edits: numbers as typed, scores on the 0-100 scale the risk queue shows. */
export interface RulesDraft {
  review: string;
  deny: string;
  rules: Array<{ threshold: string; weight: string; enabled: boolean }>;
}

const asScore = (probability: number) => String(Math.round(probability * 1000) / 10);

/** The form's starting values for a document. */
export function draftOf(document: RulesDocument): RulesDraft {
  return { review: asScore(document.thresholds.review), deny: asScore(document.thresholds.deny), rules: document.rules.map((r) => ({ threshold: String(r.threshold), weight: String(r.weight), enabled: r.enabled })) };
}

/**
 * The document the draft stands for, or the fields that are not numbers (keyed by the server's paths,
 * so local and server problems show at the same field). Ranges are the server's to check.
 */
export function documentOf(base: RulesDocument, draft: RulesDraft): { document: RulesDocument; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
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
  const document: RulesDocument = {
    ...base,
    thresholds: { review: score('thresholds.review', draft.review), deny: score('thresholds.deny', draft.deny) },
    rules: base.rules.map((rule, index) => {
      const threshold = number(`rules.${index}.threshold`, draft.rules[index]?.threshold ?? String(rule.threshold));
      // Moving where a rule starts moves where it reaches full weight by as much, keeping its ramp.
      const saturateAt = rule.saturateAt === undefined || !Number.isFinite(threshold) ? rule.saturateAt : rule.saturateAt + (threshold - rule.threshold);
      return { ...rule, threshold, saturateAt, weight: number(`rules.${index}.weight`, draft.rules[index]?.weight ?? ''), enabled: draft.rules[index]?.enabled ?? rule.enabled };
    }),
  };
  return { document, errors };
}

/** A problem's field in words: `rules.3.weight` is "Weight of “same-card”", `rules.3.threshold` "Starting value of “same-card”". */
export function fieldName(path: string, document: RulesDocument): string {
  if (path === 'thresholds.review') return 'Review at score';
  if (path === 'thresholds.deny') return 'Deny at score';
  const rule = /^rules\.(\d+)\.(\w+)/.exec(path);
  const names: Record<string, string> = { weight: 'Weight', threshold: 'Starting value' };
  if (rule) return `${names[rule[2]!] ?? rule[2]} of “${document.rules[Number(rule[1])]?.id ?? rule[1]}”`;
  return path;
}
