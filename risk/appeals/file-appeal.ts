import { z } from 'zod';
import { ValidationError } from '../../core/errors';
import { auditQuietly, type RiskServiceDeps } from '../ports';
import { newAppealReference } from './appeal-reference';
import { buyerIdentifiersSchema, hashBuyerIdentifiers } from './buyer-identifiers';
import { shopDomainOf } from './is-blocked';
import { verifySubject } from './subject-link';

/** What a buyer files, in chat (the bot collects it) or on the web form. */
export const fileAppealSchema = z
  .object({
    channel: z.enum(['chat', 'web']),
    statement: z.string().trim().min(10, 'please write at least a sentence').max(2000),
    contact: z.string().trim().max(200).optional(),
    /** The buyer's identifiers as the bot knows them (hashed at once, never stored raw). */
    subject: buyerIdentifiersSchema.optional(),
    /** The token from `isBlocked` or from the refusal link. */
    subjectToken: z.string().max(2000).optional(),
    /** For chat: what the bot's `AppealNotifier` needs to reach the buyer again (opaque here). */
    notifyAddress: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** Input of {@link fileAppeal}. */
export type FileAppealInput = z.input<typeof fileAppealSchema>;

/** The filed appeal's reference and where its status can be read. */
export interface FiledAppeal {
  reference: string;
  statusUrl: string;
  /** True when an open appeal about the same identifiers existed, so no second one was made. */
  existing: boolean;
}

/** Files an appeal. It is never rejected automatically: it waits in the queue for a person. */
export async function fileAppeal(deps: RiskServiceDeps, shopId: string, raw: FileAppealInput): Promise<FiledAppeal> {
  const parsed = fileAppealSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(appeal)', message: i.message }));
    throw new ValidationError(`The appeal is not valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { details: { problems } });
  }
  const input = parsed.data;
  const now = deps.clock.now();
  const fromToken = input.subjectToken ? verifySubject(deps.appealLinkKey, input.subjectToken, now) : undefined;
  if (input.subjectToken && !fromToken) throw new ValidationError('The appeal link is invalid or has expired; please ask the shop for a new one', { details: { problems: [{ path: 'subjectToken', message: 'invalid or expired' }] } });
  const keys = [...new Set([...(fromToken?.keys ?? []), ...hashBuyerIdentifiers(deps.hasher, input.subject ?? {})])];
  const domain = await shopDomainOf(deps, shopId);
  const statusUrl = (reference: string) => `${deps.publicUrl.replace(/\/$/, '')}/appeal?shop=${encodeURIComponent(domain)}&ref=${reference}`;
  if (keys.length > 0) {
    const { rows } = await deps.db.query<{ reference: string }>({
      text: `SELECT reference FROM risk_appeals WHERE shop_id = $1 AND status = 'open' AND subject_keys && $2::text[] ORDER BY created_at LIMIT 1`,
      values: [shopId, keys],
    });
    if (rows[0]) return { reference: rows[0].reference, statusUrl: statusUrl(rows[0].reference), existing: true };
  }
  const verdictId = fromToken?.verdictId ?? (await latestVerdictFor(deps, shopId, keys));
  const reference = newAppealReference();
  await deps.db.query({
    text: `INSERT INTO risk_appeals (shop_id, reference, channel, statement, contact, subject_keys, verdict_id, notify_address, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    values: [shopId, reference, input.channel, input.statement, input.contact || null, keys, verdictId ?? null, input.notifyAddress ?? null, now],
  });
  await auditQuietly(deps.audit, { shopId, actor: { kind: 'buyer', id: `appeal:${reference}` }, action: 'risk.appeal.file', subject: reference, detail: { channel: input.channel, identifiers: keys.length, verdict: verdictId ?? null } }, (e) => deps.onError?.(e, 'audit'));
  return { reference, statusUrl: statusUrl(reference), existing: false };
}

async function latestVerdictFor(deps: RiskServiceDeps, shopId: string, keys: string[]): Promise<string | undefined> {
  if (keys.length === 0) return undefined;
  const { rows } = await deps.db.query<{ id: string }>({
    text: `SELECT v.id FROM risk_verdicts v WHERE v.shop_id = $1 AND v.decision <> 'allow'
             AND EXISTS (SELECT 1 FROM jsonb_each_text(v.identifiers) e WHERE e.value = ANY($2::text[]))
           ORDER BY v.created_at DESC LIMIT 1`,
    values: [shopId, keys],
  });
  return rows[0]?.id;
}
