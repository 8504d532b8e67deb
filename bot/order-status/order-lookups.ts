import type { Pool } from 'pg';
import type { Db } from '../../db';
import { Batcher, poolOf, runNamedStatement } from '../../db';
import type { LimitRow } from './failure-limiter';
import type { OrderRow } from './match-order';

/** One order lookup: the limit keys to check and the order number to find, in one shop. */
export interface OrderLookupRequest {
  shopId: string;
  /** One or two failure-limit keys (per conversation, and per shop and IP when known). */
  keys: readonly string[];
  /** Null when the number is past the range of order numbers (it can still be a name). */
  orderNumber: number | null;
  name: string;
}

/** The failure counts of the lookup's keys, and the order with that number or name if there is one. */
export interface OrderLookupResult {
  limits: LimitRow[];
  order: OrderRow | undefined;
}

// The limit check and the order read go out together, for every lookup of concurrent turns at once.
// The order is read even when a limit is reached: the reply is the same either way.
const LOOKUP = {
  name: 'storedesk_bot_order_lookup',
  text: `SELECT q.i,
      (SELECT coalesce(json_agg(json_build_object('key', l.key, 'since', extract(epoch FROM l.window_start) * 1000, 'count', l.count)), '[]'::json)
        FROM bot_rate_limits l WHERE l.shop_id = q.shop_id AND l.key IN (q.key1, q.key2)) AS limits,
      o.name, o.email, o.phone, o.shipping_address AS "shippingAddress", o.financial_status AS "financialStatus",
      o.fulfillment_status AS "fulfillmentStatus", o.cancelled_at AS "cancelledAt", o.fulfillments
    FROM jsonb_to_recordset($1::jsonb) AS q(i int, shop_id uuid, key1 text, key2 text, number int, name text)
    LEFT JOIN LATERAL (
      SELECT name, email, phone, shipping_address, financial_status, fulfillment_status, cancelled_at, fulfillments
      FROM orders WHERE shop_id = q.shop_id AND (order_number = q.number OR name = q.name) LIMIT 1
    ) o ON true`,
};

type LookupRow = OrderRow & { i: number; limits: Array<{ key: string; since: number; count: number }>; name: string | null };

let sequence = 0;

/** Order lookups of concurrent turns, one statement per batch (see the database's `Batcher`). */
export class OrderLookups {
  private readonly batcher: Batcher<OrderLookupRequest & { id: number }, OrderLookupResult>;

  constructor(db: Db) {
    const pool = poolOf(db);
    this.batcher = new Batcher((requests) => lookUp(pool, requests), (request) => String(request.id));
  }

  /** Reads the limits and the order of one lookup. */
  find(request: OrderLookupRequest): Promise<OrderLookupResult> {
    sequence += 1;
    return this.batcher.add({ ...request, id: sequence });
  }
}

async function lookUp(pool: Pool, requests: readonly OrderLookupRequest[]): Promise<OrderLookupResult[]> {
  const payload = requests.map((r, i) => ({ i, shop_id: r.shopId, key1: r.keys[0] ?? null, key2: r.keys[1] ?? null, number: r.orderNumber, name: r.name }));
  const rows = await runNamedStatement<LookupRow>(pool, LOOKUP, [JSON.stringify(payload)]);
  const results: OrderLookupResult[] = requests.map(() => ({ limits: [], order: undefined }));
  for (const { i, limits, ...order } of rows) {
    results[i] = {
      limits: limits.map((l) => ({ key: l.key, window_start: new Date(Number(l.since)), count: l.count })),
      order: order.name === null ? undefined : order,
    };
  }
  return results;
}
