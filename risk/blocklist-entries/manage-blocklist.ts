import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../core/errors';
import { auditQuietly, type RiskActor, type RiskServiceDeps } from '../ports';
import { BLOCKABLE_KINDS, hashBlockValue, maskValue } from './hash-value';
import { GLOBAL_ENTRY_COLUMNS, SHOP_ENTRY_COLUMNS, toEntryView, type BlocklistEntryView, type BlocklistEventView, type EntryRow } from './blocklist-entry';

type Deps = Pick<RiskServiceDeps, 'db' | 'hasher' | 'clock' | 'audit' | 'onError'>;

/** Input of {@link addBlocklistEntry}: a typed-in value (hashed at once) or an already hashed key. */
export const addEntrySchema = z
  .object({
    kind: z.enum(BLOCKABLE_KINDS),
    value: z.string().trim().min(1, 'enter the value to block').max(500, 'must be at most 500 characters').optional(),
    key: z.string().regex(/^[a-z-]+:[0-9a-f]{32}$/).optional(),
    scope: z.enum(['shop', 'global']).default('shop'),
    effect: z.enum(['block', 'allow']).default('block'),
    reason: z.string('say why').trim().min(3, 'say why in at least 3 characters').max(200, 'must be at most 200 characters'),
    expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict()
  .refine((input) => (input.value === undefined) !== (input.key === undefined), { message: 'give either value or key', path: ['value'] })
  .refine((input) => !(input.scope === 'global' && input.kind === 'account'), { message: 'accounts are per shop; block their email, phone or device across shops instead', path: ['scope'] })
  .refine((input) => !(input.scope === 'global' && input.effect === 'allow'), { message: 'exemptions apply to one shop', path: ['effect'] });

/** Parsed input of {@link addBlocklistEntry}. */
export type AddEntryInput = z.input<typeof addEntrySchema>;

function problemsOf(error: z.ZodError): ValidationError {
  const problems = error.issues.map((issue) => ({ path: issue.path.join('.') || '(entry)', message: issue.message }));
  return new ValidationError(`The blocklist entry is not valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { details: { problems } });
}

/** Adds an entry (shop or installation-wide); a global entry stores only the keyed hash. */
export async function addBlocklistEntry(deps: Deps, shopId: string, actor: RiskActor, raw: AddEntryInput, addedBy?: string): Promise<BlocklistEntryView> {
  const parsed = addEntrySchema.safeParse(raw);
  if (!parsed.success) throw problemsOf(parsed.error);
  const input = parsed.data;
  const now = deps.clock.now();
  const key = input.key ?? hashBlockValue(deps.hasher, input.kind, input.value!).key;
  if (!key.startsWith(`${input.kind}:`)) throw new ValidationError('The key does not match the kind', { details: { problems: [{ path: 'key', message: 'kind mismatch' }] } });
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  if (expiresAt && expiresAt <= now) throw new ValidationError('The expiry must be in the future', { details: { problems: [{ path: 'expiresAt', message: 'must be in the future' }] } });
  const by = addedBy ?? `reviewer:${actor.id}`;
  const hint = input.scope === 'shop' && input.value ? maskValue(input.kind, input.value) : null;
  const { rows } =
    input.scope === 'shop'
      ? await deps.db.query<EntryRow>({
          text: `INSERT INTO risk_blocklist AS b (shop_id, identifier_key, kind, effect, reason, added_by, hint, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${SHOP_ENTRY_COLUMNS}`,
          values: [shopId, key, input.kind, input.effect, input.reason, by, hint, now, expiresAt],
        })
      : await deps.db.query<EntryRow>({
          text: `INSERT INTO global_blocklist AS g (identifier_key, kind, reason, added_by, origin_shop_id, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${GLOBAL_ENTRY_COLUMNS}`,
          values: [key, input.kind, input.reason, by, shopId, now, expiresAt],
        });
  const entry = toEntryView(rows[0]!, now);
  await recordEvent(deps, shopId, actor, entry.id, entry.scope, 'add', { kind: entry.kind, effect: entry.effect, expiresAt: entry.expiresAt, addedBy: by });
  return entry;
}

/** The shop's entries plus the installation-wide ones it added; never other shops' entries. */
export async function listBlocklistEntries(deps: Pick<Deps, 'db' | 'clock'>, shopId: string, options: { includeInactive?: boolean } = {}): Promise<BlocklistEntryView[]> {
  const now = deps.clock.now();
  const { rows } = await deps.db.query<EntryRow>({
    text: `SELECT ${SHOP_ENTRY_COLUMNS} FROM risk_blocklist b WHERE b.shop_id = $1
           UNION ALL SELECT ${GLOBAL_ENTRY_COLUMNS} FROM global_blocklist g WHERE g.origin_shop_id = $1
           ORDER BY created_at DESC LIMIT 1000`,
    values: [shopId],
  });
  const entries = rows.map((row) => toEntryView(row, now));
  return options.includeInactive ? entries : entries.filter((entry) => entry.status === 'active');
}

/** Ends an entry now (`remove`) or at a chosen time (`expire`); the trail keeps both. */
export async function endBlocklistEntry(
  deps: Deps,
  shopId: string,
  actor: RiskActor,
  entryId: string,
  change: { action: 'remove' } | { action: 'expire'; at: Date },
  note?: string,
): Promise<BlocklistEntryView> {
  const now = deps.clock.now();
  const [scope] = await findEntryScope(deps, shopId, entryId);
  const table = scope === 'shop' ? 'risk_blocklist b' : 'global_blocklist g';
  const owner = scope === 'shop' ? 'b.shop_id = $2' : 'g.origin_shop_id = $2';
  const columns = scope === 'shop' ? SHOP_ENTRY_COLUMNS : GLOBAL_ENTRY_COLUMNS;
  const alias = scope === 'shop' ? 'b' : 'g';
  const set = change.action === 'remove' ? `removed_at = $3${scope === 'shop' ? ', removed_by = $4' : ''}` : 'expires_at = $3';
  const values: unknown[] = [entryId, shopId, change.action === 'remove' ? now : change.at];
  if (change.action === 'remove' && scope === 'shop') values.push(actor.id);
  const { rows } = await deps.db.query<EntryRow>({ text: `UPDATE ${table} SET ${set} WHERE ${alias}.id = $1 AND ${owner} RETURNING ${columns}`, values });
  const entry = toEntryView(rows[0]!, now);
  await recordEvent(deps, shopId, actor, entryId, scope, change.action, {
    ...(change.action === 'expire' ? { expiresAt: change.at.toISOString() } : {}),
    ...(note ? { note: note.slice(0, 200) } : {}),
  });
  return entry;
}

/** The audit trail of one entry, oldest first. */
export async function blocklistEntryHistory(deps: Pick<Deps, 'db'>, shopId: string, entryId: string): Promise<BlocklistEventView[]> {
  await findEntryScope(deps, shopId, entryId);
  const { rows } = await deps.db.query({
    text: `SELECT action, actor, at, detail FROM risk_blocklist_events WHERE shop_id = $1 AND entry_id = $2 ORDER BY at, (action <> 'add'), id`,
    values: [shopId, entryId],
  });
  return rows.map((row) => ({ action: row.action, actor: row.actor, at: (row.at as Date).toISOString(), detail: row.detail }));
}

async function findEntryScope(deps: Pick<Deps, 'db'>, shopId: string, entryId: string): Promise<['shop' | 'global']> {
  if (!/^[0-9a-f-]{36}$/i.test(entryId)) throw new NotFoundError('No such blocklist entry');
  const { rows } = await deps.db.query({
    text: `SELECT 'shop' AS scope FROM risk_blocklist WHERE id = $1 AND shop_id = $2
           UNION ALL SELECT 'global' FROM global_blocklist WHERE id = $1 AND origin_shop_id = $2`,
    values: [entryId, shopId],
  });
  if (!rows[0]) throw new NotFoundError('No such blocklist entry');
  return [rows[0].scope];
}

async function recordEvent(deps: Deps, shopId: string, actor: RiskActor, entryId: string, scope: string, action: string, detail: Record<string, unknown>): Promise<void> {
  await deps.db.query({
    text: `INSERT INTO risk_blocklist_events (shop_id, entry_id, scope, action, actor, detail, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    values: [shopId, entryId, scope, action, `${actor.kind}:${actor.id}`, detail, deps.clock.now()],
  });
  await auditQuietly(deps.audit, { shopId, actor, action: `risk.blocklist.${action}`, subject: entryId, detail: { scope, ...detail } }, (error) => deps.onError?.(error, 'audit'));
}
