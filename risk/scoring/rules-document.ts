import { z } from 'zod';
import { FEATURE_NAMES } from '../signals';

const WEIGHT_RANGE = 'must be between -20 and 20';
const score = z.number('must be a number').min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,64}$/, 'use lower-case letters, digits, _ or -'),
    feature: z.enum(FEATURE_NAMES),
    op: z.enum(['>=', '<=']).default('>='),
    threshold: z.number('must be a number').finite(),
    /** Full weight is reached here; at the threshold the rule adds half its weight. */
    saturateAt: z.number('must be a number').finite().optional(),
    /** Log-odds the rule adds when fully met: +0.7 roughly doubles the odds of fraud. */
    weight: z.number('must be a number').min(-20, WEIGHT_RANGE).max(20, WEIGHT_RANGE),
    enabled: z.boolean().default(true),
    /** Plain words shown to the merchant and written to Shopify; `{value}` is replaced. */
    reason: z.string().min(1).max(200),
  })
  .strict();

/** The merchant-editable rules: weights, thresholds, on/off switches and decision thresholds. */
export const rulesDocumentSchema = z
  .object({
    version: z.literal(1),
    /** Log-odds of fraud before any rule fires: -3.9 is a 2% base rate. */
    baseLogOdds: z.number('must be a number').min(-20, WEIGHT_RANGE).max(20, WEIGHT_RANGE).default(-3.9),
    thresholds: z
      .object({ review: score, deny: score })
      // On `review`, so a form can show it at that field.
      .refine((t) => t.review <= t.deny, { message: 'the review threshold must not be above the deny threshold', path: ['review'] }),
    model: z
      .object({
        /** Share of the learned model in the blended log-odds, once it is trained. */
        blendWeight: z.number().min(0).max(1).default(0.5),
        /** Labelled outcomes needed before a model is trained at all. */
        minLabels: z.number().int().min(50).default(200),
      })
      .strict()
      .default({ blendWeight: 0.5, minLabels: 200 }),
    rules: z.array(ruleSchema).max(200),
  })
  .strict()
  .superRefine((document, context) => {
    const seen = new Set<string>();
    document.rules.forEach((rule, index) => {
      if (seen.has(rule.id))
        context.addIssue({
          code: 'custom',
          path: ['rules', index, 'id'],
          message: `duplicate rule id "${rule.id}"`,
        });
      seen.add(rule.id);
    });
  });

/** A validated rules document. */
export type RulesDocument = z.infer<typeof rulesDocumentSchema>;
/** One rule of a {@link RulesDocument}. */
export type Rule = RulesDocument['rules'][number];

/** Outcome of {@link parseRulesDocument}: the document, or every problem in plain words. */
export type ParseRulesResult = { ok: true; rules: RulesDocument } | { ok: false; problems: string[] };

/** Validates a rules document (already JSON-parsed); never throws for bad input. */
export function parseRulesDocument(input: unknown): ParseRulesResult {
  const parsed = rulesDocumentSchema.safeParse(input);
  if (parsed.success) return { ok: true, rules: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`),
  };
}
