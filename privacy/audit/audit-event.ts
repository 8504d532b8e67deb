import { z } from 'zod';
import { ValidationError } from '../../core/errors';
import { findPii } from '../redaction';

/** Who acted: the merchant's staff, a trainer, storedesk itself, or a buyer (by pseudonym). */
export const ACTOR_KINDS = ['staff', 'trainer', 'system', 'buyer'] as const;
/** One of {@link ACTOR_KINDS}. */
export type ActorKind = (typeof ACTOR_KINDS)[number];

const token = z.string().trim().min(1).max(200);

/** One audited event as callers record it. `detail` holds counts, ids and names of things, never personal data. */
export const auditEventSchema = z
  .object({
    shopId: z.uuid(),
    actor: z.object({ kind: z.enum(ACTOR_KINDS), id: token }).strict(),
    action: z.string().regex(/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/, 'must be a dotted name such as "answers.edit"').max(100),
    subject: token.optional(),
    detail: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** An event for {@link AuditLog.record}. */
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** A stored audit entry. */
export interface AuditEntry {
  id: number;
  shopId: string;
  actorKind: ActorKind;
  actorId: string;
  action: string;
  subject: string | null;
  detail: Record<string, unknown>;
  at: Date;
}

// Names of people can't be told from names of things in a free string, but these identifiers can.
const REFUSED_LABELS = new Set(['EMAIL', 'PHONE', 'CARD', 'NRIC', 'IBAN', 'IP']);
const MAX_DETAIL_BYTES = 4_000;
// Internal ids (uuids, pseudonyms, `order:1042`-style references) are allowed as they are; their digit runs
// would otherwise look like phone numbers to the detector.
const INTERNAL_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9_-]{43}|[a-z][a-z_-]*:[A-Za-z0-9_-]+)$/i;

function collectStrings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, out);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      collectStrings(item, out);
    }
  return out;
}

/** Validates an event and refuses one that carries a direct identifier, so the log never stores one. */
export function parseAuditEvent(input: unknown): AuditEvent {
  const parsed = auditEventSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(`Invalid audit event: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(event)'} ${i.message}`).join('; ')}`);
  const event = parsed.data;
  if (event.detail && JSON.stringify(event.detail).length > MAX_DETAIL_BYTES) throw new ValidationError(`Audit detail must be under ${MAX_DETAIL_BYTES} bytes`);
  const texts = collectStrings(event.detail ?? {}, [event.actor.id, event.subject ?? '']);
  for (const text of texts) {
    if (INTERNAL_ID.test(text)) continue;
    const found = findPii(text).find((span) => REFUSED_LABELS.has(span.label));
    if (found) throw new ValidationError(`Audit events must not hold personal data (a ${found.label.toLowerCase()} was found)`, { details: { label: found.label } });
  }
  return event;
}
