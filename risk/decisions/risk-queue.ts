import type { Queryable } from '../store';
import { toVerdictRecord, type VerdictRecord } from './verdict-record';

/** A queued verdict with the evidence staff need: what was ordered, when, and with which codes. */
export interface QueueItem extends VerdictRecord {
  evidence: {
    orderName?: string;
    total?: string;
    currency?: string;
    discountCodes?: string[];
    placedAt?: string;
    customerSince?: string;
    financialStatus?: string | null;
  };
}

/** Orders and accounts waiting for a person, riskiest first (or decided ones, latest first). */
export async function listRiskQueue(db: Queryable, shopId: string, options: { status?: 'open' | 'decided'; limit?: number } = {}): Promise<QueueItem[]> {
  const status = options.status ?? 'open';
  const { rows } = await db.query({
    text: `SELECT v.*, o.name AS order_name, o.total_price, o.currency, o.discount_codes, o.created_at AS placed_at, o.financial_status,
             c.created_at AS customer_since
           FROM risk_verdicts v
           LEFT JOIN orders o ON v.subject_type = 'order' AND o.shop_id = v.shop_id AND o.id::text = v.subject_id
           LEFT JOIN customers c ON c.shop_id = v.shop_id AND c.id = v.customer_id
           WHERE v.shop_id = $1 AND v.review_status = $2
           ORDER BY ${status === 'open' ? 'v.score DESC, v.created_at' : 'v.reviewed_at DESC'} LIMIT $3`,
    values: [shopId, status, Math.min(options.limit ?? 100, 500)],
  });
  return rows.map((row) => ({
    ...toVerdictRecord(row),
    evidence: {
      orderName: row.order_name ?? undefined,
      total: row.total_price ?? undefined,
      currency: row.currency ?? undefined,
      discountCodes: row.discount_codes ?? undefined,
      placedAt: row.placed_at ? (row.placed_at as Date).toISOString() : undefined,
      customerSince: row.customer_since ? (row.customer_since as Date).toISOString() : undefined,
      financialStatus: row.financial_status ?? null,
    },
  }));
}
