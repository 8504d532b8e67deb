import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors';
import { addBlocklistEntry, endBlocklistEntry } from '../blocklist-entries';
import { auditQuietly, type RiskActor, type RiskServiceDeps } from '../ports';
import { listAppeals, matchedEntries, type AppealView } from './appeal-queries';

/** A reviewer's decision: lift every entry, keep them all, or narrow (lift only the chosen ones). */
export const appealDecisionSchema = z
  .object({
    outcome: z.enum(['lift', 'keep', 'narrow']),
    /** Shown to the buyer on the channel they used. */
    message: z.string().trim().min(3).max(1000),
    /** With `narrow`: the entries to lift. */
    liftEntryIds: z.array(z.uuid()).max(50).optional(),
  })
  .strict()
  .refine((d) => d.outcome !== 'narrow' || (d.liftEntryIds?.length ?? 0) > 0, { message: 'choose which entries to lift', path: ['liftEntryIds'] });


/** Decides an appeal, lifts what was chosen, labels the verdict, tells the buyer, and audits it all. */
export async function decideAppeal(deps: RiskServiceDeps, shopId: string, actor: RiskActor, appealId: string, input: unknown): Promise<AppealView> {
  const parsed = appealDecisionSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(decision)', message: i.message }));
    throw new ValidationError(`The decision is not valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { details: { problems } });
  }
  const decision = parsed.data;
  if (!/^[0-9a-f-]{36}$/i.test(appealId)) throw new NotFoundError('No such appeal');
  const now = deps.clock.now();
  const { rows } = await deps.db.query({ text: 'SELECT * FROM risk_appeals WHERE shop_id = $1 AND id = $2', values: [shopId, appealId] });
  const appeal = rows[0];
  if (!appeal) throw new NotFoundError('No such appeal');
  if (appeal.status !== 'open') throw new ConflictError('This appeal has already been decided');
  const entries = await matchedEntries(deps.db, shopId, appeal.subject_keys, now);
  const chosen = decision.outcome === 'lift' ? entries : decision.outcome === 'narrow' ? entries.filter((e) => decision.liftEntryIds!.includes(e.id)) : [];
  if (decision.outcome === 'narrow' && chosen.length !== decision.liftEntryIds!.length) throw new ValidationError('Some chosen entries do not belong to this appeal', { details: { problems: [{ path: 'liftEntryIds', message: 'not an entry of this appeal' }] } });
  const note = `appeal ${appeal.reference}`;
  for (const entry of chosen) {
    if (entry.owned) await endBlocklistEntry(deps, shopId, actor, entry.id, { action: 'remove' }, note);
    // Another shop's installation-wide entry stays for them; this shop gets an exemption.
    else await addBlocklistEntry(deps, shopId, actor, { kind: entry.kind as 'email', key: entry.key, scope: 'shop', effect: 'allow', reason: `Lifted on appeal ${appeal.reference}` });
  }
  await deps.db.query({
    text: `UPDATE risk_appeals SET status = 'decided', outcome = $3, message = $4, lifted_entries = $5, decided_by = $6, decided_at = $7 WHERE shop_id = $1 AND id = $2`,
    values: [shopId, appealId, decision.outcome, decision.message, chosen.map((e) => e.id), actor.id, now],
  });
  const label = decision.outcome === 'lift' ? 'appeal-lifted' : decision.outcome === 'keep' ? 'appeal-rejected' : undefined;
  if (label && appeal.verdict_id) {
    await deps.db.query({ text: `UPDATE risk_verdicts SET outcome = $3, outcome_at = $4, review_status = CASE WHEN review_status = 'open' THEN 'decided' ELSE review_status END, reviewed_by = COALESCE(reviewed_by, $5), reviewed_at = COALESCE(reviewed_at, $4) WHERE shop_id = $1 AND id = $2`, values: [shopId, appeal.verdict_id, label, now, actor.id] });
  }
  const timeToDecisionMs = now.getTime() - (appeal.created_at as Date).getTime();
  await auditQuietly(deps.audit, { shopId, actor, action: 'risk.appeal.decide', subject: appeal.reference, detail: { outcome: decision.outcome, lifted: chosen.length, kept: entries.length - chosen.length, timeToDecisionMs, label: label ?? null } }, (e) => deps.onError?.(e, 'audit'));
  if (appeal.channel === 'chat' && deps.notifier) {
    try {
      await deps.notifier.notify({ shopId, reference: appeal.reference, channel: 'chat', notifyAddress: appeal.notify_address ?? undefined }, { outcome: decision.outcome, message: decision.message, decidedAt: now });
      await deps.db.query({ text: 'UPDATE risk_appeals SET notified_at = $3 WHERE shop_id = $1 AND id = $2', values: [shopId, appealId, deps.clock.now()] });
    } catch (error) {
      // The decision stands; the buyer can still read it on the status page, and `notified_at` stays empty for a retry.
      deps.onError?.(error, 'appeal-notify');
    }
  }
  return (await listAppeals(deps.db, shopId, { id: appealId, now }))[0]!;
}
