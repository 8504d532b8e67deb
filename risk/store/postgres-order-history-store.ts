import type { Identifier, TimeWindow } from '../identity-graph';
import type { FailedLookupRecord, OrderHistoryStore, OrderRecord } from '../order-history';
import { identifierFromKey } from './postgres-identity-graph-store';
import { named, type Queryable } from './queryable';

const COLUMNS = 'o.order_id, o.account_id, o.at, o.amount, o.discount_code, o.first_order, o.payment_failed, o.sources';

const RECORD = `WITH inserted AS (
  INSERT INTO risk_orders (shop_id, order_id, account_id, at, amount, discount_code, first_order, payment_failed, sources)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (shop_id, order_id) DO NOTHING RETURNING order_id)
INSERT INTO risk_order_sources (shop_id, source_key, at, order_id)
SELECT $1, s, $4, $2 FROM unnest($9::text[]) AS s WHERE EXISTS (SELECT 1 FROM inserted)
ON CONFLICT DO NOTHING`;

const OF_ACCOUNT = `SELECT ${COLUMNS} FROM risk_orders o
WHERE o.shop_id = $1 AND o.account_id = $2 AND o.at >= $3 AND o.at < $4 ORDER BY o.at, o.order_id`;

const FROM_SOURCE = `SELECT * FROM (SELECT ${COLUMNS} FROM risk_order_sources s
  JOIN risk_orders o ON o.shop_id = s.shop_id AND o.order_id = s.order_id
  WHERE s.shop_id = $1 AND s.source_key = $2 AND s.at >= $3 AND s.at < $4
  ORDER BY s.at DESC, s.order_id DESC LIMIT $5) latest ORDER BY at, order_id`;

const CODE_USERS = `SELECT account_id FROM risk_orders
WHERE shop_id = $1 AND discount_code = $2 AND at >= $3 AND at < $4
GROUP BY account_id ORDER BY max(at) DESC LIMIT $5`;

const COUNT = `SELECT count(*)::int AS n FROM risk_orders WHERE shop_id = $1 AND account_id = $2 AND at < $3`;

const RECORD_FAILED_LOOKUP = `INSERT INTO risk_failed_lookups (shop_id, source_key, at) SELECT $1, s, $2 FROM unnest($3::text[]) AS s`;

const FAILED_LOOKUPS = `SELECT count(*)::int AS n FROM risk_failed_lookups WHERE shop_id = $1 AND source_key = $2 AND at >= $3 AND at < $4`;

interface OrderRow {
  order_id: string;
  account_id: string;
  at: string;
  amount: number | null;
  discount_code: string | null;
  first_order: boolean;
  payment_failed: boolean;
  sources: string[];
}

function toRecord(row: OrderRow): OrderRecord {
  return {
    order: row.order_id,
    account: row.account_id,
    at: Number(row.at),
    amount: row.amount ?? undefined,
    discountCode: row.discount_code ?? undefined,
    firstOrder: row.first_order,
    paymentFailed: row.payment_failed,
    sources: row.sources.map(identifierFromKey),
  };
}

/** One shop's order history in Postgres; recording the same order twice keeps the first. */
export class PostgresOrderHistoryStore implements OrderHistoryStore {
  constructor(
    private readonly db: Queryable,
    private readonly shopId: string,
  ) {}

  async record(order: OrderRecord): Promise<void> {
    await this.db.query(
      named('record_order', RECORD, [
        this.shopId,
        order.order,
        order.account,
        Math.floor(order.at),
        order.amount ?? null,
        order.discountCode ?? null,
        order.firstOrder,
        order.paymentFailed,
        order.sources.map((source) => source.key),
      ]),
    );
  }

  async ordersOfAccount(accountId: string, window: TimeWindow): Promise<OrderRecord[]> {
    const { rows } = await this.db.query<OrderRow>(
      named('of_account', OF_ACCOUNT, [this.shopId, accountId, Math.ceil(window.since), Math.ceil(window.until)]),
    );
    return rows.map(toRecord);
  }

  async ordersFrom(source: Identifier, window: TimeWindow, limit = 500): Promise<OrderRecord[]> {
    const { rows } = await this.db.query<OrderRow>(
      named('from_source', FROM_SOURCE, [this.shopId, source.key, Math.ceil(window.since), Math.ceil(window.until), limit]),
    );
    return rows.map(toRecord);
  }

  async accountsUsingCode(code: string, window: TimeWindow, limit = 1000): Promise<string[]> {
    const { rows } = await this.db.query<{ account_id: string }>(
      named('code_users', CODE_USERS, [this.shopId, code, Math.ceil(window.since), Math.ceil(window.until), limit]),
    );
    return rows.map((row) => row.account_id);
  }

  async orderCount(accountId: string, until: number): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(named('order_count', COUNT, [this.shopId, accountId, Math.ceil(until)]));
    return rows[0]?.n ?? 0;
  }

  async recordFailedLookup(lookup: FailedLookupRecord): Promise<void> {
    if (lookup.sources.length === 0) return;
    const keys = [...new Set(lookup.sources.map((source) => source.key))];
    await this.db.query(named('record_failed_lookup', RECORD_FAILED_LOOKUP, [this.shopId, Math.floor(lookup.at), keys]));
  }

  async failedLookupsFrom(source: Identifier, window: TimeWindow): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      named('failed_lookups', FAILED_LOOKUPS, [this.shopId, source.key, Math.ceil(window.since), Math.ceil(window.until)]),
    );
    return rows[0]?.n ?? 0;
  }
}
