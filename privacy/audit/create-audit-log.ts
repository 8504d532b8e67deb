import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import { schema, type Db } from '../../db';
import { parseAuditEvent, type ActorKind, type AuditEntry, type AuditEvent } from './audit-event';

const { auditLog } = schema;

/** Narrows {@link AuditLog.list}. */
export interface AuditFilters {
  actorKind?: ActorKind;
  actorId?: string;
  action?: string;
  subject?: string;
  from?: Date;
  to?: Date;
}

/** Keyset paging: newest first; pass the previous page's `nextBefore` as `before`. */
export interface AuditPage {
  limit?: number;
  before?: number;
}

/** The append-only audit log. There is deliberately no update or delete. */
export interface AuditLog {
  /** Validates and appends one event; refuses an event carrying an email, phone, card, NRIC, IBAN or IP. */
  record(event: AuditEvent): Promise<AuditEntry>;
  list(shopId: string, filters?: AuditFilters, page?: AuditPage): Promise<{ entries: AuditEntry[]; nextBefore: number | null }>;
}

const MAX_LIMIT = 200;

/** Builds the audit log over the `audit_log` table. */
export function createAuditLog(deps: { db: Db }): AuditLog {
  const { db } = deps;
  return {
    async record(input) {
      const event = parseAuditEvent(input);
      const [row] = await db
        .insert(auditLog)
        .values({
          shopId: event.shopId,
          actorKind: event.actor.kind,
          actorId: event.actor.id,
          action: event.action,
          subject: event.subject ?? null,
          detail: event.detail ?? {},
        })
        .returning();
      if (!row) throw new Error('audit insert returned no row');
      return row as AuditEntry;
    },
    async list(shopId, filters = {}, page = {}) {
      const limit = Math.min(Math.max(1, Math.trunc(page.limit ?? 50)), MAX_LIMIT);
      const where: SQL[] = [eq(auditLog.shopId, shopId)];
      if (filters.actorKind) where.push(eq(auditLog.actorKind, filters.actorKind));
      if (filters.actorId) where.push(eq(auditLog.actorId, filters.actorId));
      if (filters.action) where.push(eq(auditLog.action, filters.action));
      if (filters.subject) where.push(eq(auditLog.subject, filters.subject));
      if (filters.from) where.push(gte(auditLog.at, filters.from));
      if (filters.to) where.push(lte(auditLog.at, filters.to));
      if (page.before !== undefined) where.push(lt(auditLog.id, page.before));
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(...where))
        .orderBy(desc(auditLog.id))
        .limit(limit + 1);
      const entries = rows.slice(0, limit) as AuditEntry[];
      return { entries, nextBefore: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
    },
  };
}

/**
 * Adapts the audit log to the admin's `AuditSink` shape (`{ shopId, actor, action, subject?, detail? }`),
 * recording staff actions.
 */
export function staffAuditSink(log: AuditLog): (event: { shopId: string; actor: string; action: string; subject?: string; detail?: Record<string, unknown> }) => Promise<void> {
  return async ({ actor, ...event }) => {
    await log.record({ ...event, actor: { kind: 'staff', id: actor } });
  };
}
