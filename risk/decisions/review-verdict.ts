import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors';
import { addBlocklistEntry, BLOCKABLE_KINDS, type BlocklistEntryView } from '../blocklist-entries';
import { auditQuietly, type RiskActor, type RiskServiceDeps } from '../ports';
import { findVerdict, type VerdictRecord } from './verdict-record';

/** A reviewer's decision on a queued order or account. */
export const reviewDecisionSchema = z
  .object({
    decision: z.enum(['fraud', 'genuine']),
    note: z.string().trim().max(500).optional(),
    /** With `fraud`: put these identifiers of the subject on the blocklist. */
    block: z
      .object({
        kinds: z.array(z.enum(BLOCKABLE_KINDS)).min(1),
        scope: z.enum(['shop', 'global']).default('shop'),
        expiresInDays: z.number().int().min(1).max(3650).optional(),
        reason: z.string().trim().min(3).max(200).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Input of {@link reviewVerdict}. */
export type ReviewDecision = z.input<typeof reviewDecisionSchema>;

/** Records a review (a label for the learned model) and blocks what the reviewer chose. */
export async function reviewVerdict(
  deps: RiskServiceDeps,
  shopId: string,
  actor: RiskActor,
  verdictId: string,
  input: unknown,
): Promise<{ verdict: VerdictRecord; blocked: BlocklistEntryView[] }> {
  const parsed = reviewDecisionSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(decision)', message: i.message }));
    throw new ValidationError(`The review is not valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { details: { problems } });
  }
  const decision = parsed.data;
  const verdict = await findVerdict(deps.db, shopId, { id: verdictId });
  if (!verdict) throw new NotFoundError('No such verdict');
  if (verdict.reviewStatus === 'decided') throw new ConflictError('This verdict has already been reviewed');
  if (decision.block && decision.decision !== 'fraud') throw new ValidationError('Only confirmed fraud can be blocked', { details: { problems: [{ path: 'block', message: 'only with decision fraud' }] } });
  const now = deps.clock.now();
  const outcome = decision.decision === 'fraud' ? 'review-confirmed-fraud' : 'review-cleared';
  await deps.db.query({
    text: `UPDATE risk_verdicts SET review_status = 'decided', reviewed_by = $3, reviewed_at = $4, outcome = $5, outcome_at = $4 WHERE shop_id = $1 AND id = $2`,
    values: [shopId, verdict.id, actor.id, now, outcome],
  });
  const blocked: BlocklistEntryView[] = [];
  for (const kind of decision.block?.kinds ?? []) {
    const key = verdict.identifiers[kind];
    if (!key || (kind === 'account' && decision.block!.scope === 'global')) continue;
    const reason = decision.block!.reason ?? `Confirmed fraud on ${verdict.subjectType} ${verdict.subjectId} by a reviewer.`;
    blocked.push(await addBlocklistEntry(deps, shopId, actor, { kind, key, scope: decision.block!.scope, reason, expiresInDays: decision.block!.expiresInDays }));
  }
  const waitedMs = now.getTime() - new Date(verdict.createdAt).getTime();
  await auditQuietly(deps.audit, { shopId, actor, action: 'risk.review.decide', subject: verdict.id, detail: { outcome, blocked: blocked.length, timeToDecisionMs: waitedMs, score: verdict.score } }, (e) => deps.onError?.(e, 'audit'));
  return { verdict: (await findVerdict(deps.db, shopId, { id: verdict.id }))!, blocked };
}
