import { and, desc, eq, gt } from 'drizzle-orm';
import type { SecretBox } from '../../core/crypto';
import { schema, type Db } from '../../db';

const { subjectRequests } = schema;

/** Kinds of request in the log. */
export type SubjectRequestKind = 'data_request' | 'customer_redact' | 'shop_redact';

/** A request as staff see it in the list: no personal data, only whether an export is waiting. */
export interface SubjectRequestSummary {
  id: string;
  kind: SubjectRequestKind;
  subjectRef: string | null;
  shopifyRequestId: number | null;
  counts: Record<string, number>;
  receivedAt: Date;
  completedAt: Date | null;
  exportAvailable: boolean;
  exportExpiresAt: Date | null;
}

/** The subject-request log; exports are sealed with the installation key. */
export function subjectRequestStore(deps: { db: Db; secrets: SecretBox }) {
  const { db, secrets } = deps;
  return {
    async add(input: { shopId: string; kind: SubjectRequestKind; subjectRef?: string; shopifyRequestId?: number; counts: Record<string, number>; exportJson?: unknown; exportExpiresAt?: Date; at: Date }): Promise<string> {
      const [row] = await db
        .insert(subjectRequests)
        .values({
          shopId: input.shopId,
          kind: input.kind,
          subjectRef: input.subjectRef ?? null,
          shopifyRequestId: input.shopifyRequestId ?? null,
          counts: input.counts,
          exportSealed: input.exportJson === undefined ? null : secrets.seal(JSON.stringify(input.exportJson)),
          exportExpiresAt: input.exportExpiresAt ?? null,
          receivedAt: input.at,
          completedAt: input.at,
        })
        .returning({ id: subjectRequests.id });
      if (!row) throw new Error('subject request insert returned no row');
      return row.id;
    },
    async list(shopId: string, limit = 100): Promise<SubjectRequestSummary[]> {
      const rows = await db.select().from(subjectRequests).where(eq(subjectRequests.shopId, shopId)).orderBy(desc(subjectRequests.receivedAt)).limit(limit);
      return rows.map(({ exportSealed, shopId: _shop, ...row }) => ({ ...row, kind: row.kind as SubjectRequestKind, exportAvailable: exportSealed !== null }));
    },
    /** The stored export, or `undefined` when there is none or it expired. */
    async readExport(shopId: string, id: string, now: Date): Promise<unknown> {
      const [row] = await db
        .select({ sealed: subjectRequests.exportSealed })
        .from(subjectRequests)
        .where(and(eq(subjectRequests.shopId, shopId), eq(subjectRequests.id, id), gt(subjectRequests.exportExpiresAt, now)));
      return row?.sealed ? JSON.parse(secrets.open(row.sealed)) : undefined;
    },
  };
}

/** The store built by {@link subjectRequestStore}. */
export type SubjectRequestStore = ReturnType<typeof subjectRequestStore>;
