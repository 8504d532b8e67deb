// Types only, and no imports: the admin UI imports this file too, so what the rules API answers and what
// the rules page reads cannot drift apart; anything imported here would be type-checked with the UI.

/** One rule of a shop's rules document as the API sends it. */
export interface RiskRuleView {
  id: string;
  feature: string;
  op: '>=' | '<=';
  threshold: number;
  saturateAt?: number;
  weight: number;
  enabled: boolean;
  reason: string;
}

/** A rules document as the API sends it (the server's parsed document must fit this shape). */
export interface RulesDocumentView {
  version: 1;
  baseLogOdds: number;
  thresholds: { review: number; deny: number };
  model: { blendWeight: number; minLabels: number };
  rules: RiskRuleView[];
}

/** A shop's rules as the admin shows them (`GET /api/admin/risk/rules`). */
export interface ShopRulesView<Document extends RulesDocumentView = RulesDocumentView> {
  rules: Document;
  isDefault: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
  model: { trained: boolean; labelCount: number | null; trainedAt: string | null };
  /** What each feature a rule reads means, in plain words. */
  features: Readonly<Record<string, string>>;
}

/** How many orders got each decision. */
export interface DecisionCounts {
  allow: number;
  review: number;
  deny: number;
}

/** What edited rules would have decided on the shop's recent orders, beside what the saved rules decide. */
export interface RulesPreview {
  /** Orders replayed (the most recent scored ones). */
  orders: number;
  /** When the oldest and newest of them were placed (null without orders). */
  from: string | null;
  to: string | null;
  current: DecisionCounts;
  edited: DecisionCounts;
  /** Orders whose decision the edit changes. */
  changed: number;
  /** A few of those, largest edited score first. */
  examples: Array<{ orderId: string; from: keyof DecisionCounts; to: keyof DecisionCounts; score: number }>;
  /** True when the shop's learned model is blended into both columns. */
  modelBlended: boolean;
}
