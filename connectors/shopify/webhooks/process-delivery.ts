import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { schema, type Database } from '../../../db';
import { customerFromRest, orderFromRest, upsertCustomers, upsertLineItems, upsertOrders } from '../mirror';
import type { WebhookTopic } from './topics';

const { webhookDeliveries, shops } = schema;

/** What `privacy/` does for Shopify's mandatory compliance webhooks. */
export interface ComplianceHandler {
  dataRequest(shopId: string, payload: { customer?: { id?: number; email?: string; phone?: string }; orders_requested?: number[]; data_request?: { id?: number } }): Promise<void>;
  redactCustomer(shopId: string, payload: { customer?: { id?: number; email?: string; phone?: string }; orders_to_redact?: number[] }): Promise<void>;
  redactShop(shopId: string): Promise<void>;
}

/** What happened, for the job layer to route on (risk scoring, tag refresh, data deletion). */
export type ConnectorEvent =
  | { kind: 'order.created' | 'order.updated'; shopId: string; orderId: number }
  | { kind: 'customer.created' | 'customer.updated'; shopId: string; customerId: number }
  | { kind: 'app.uninstalled'; shopId: string }
  | { kind: 'bulk.finished'; shopId: string; bulkOperationId: string }
  | { kind: 'sync.completed'; shopId: string }
  | { kind: 'compliance'; shopId: string; topic: string };

/** Result of processing one stored delivery. */
export type ProcessOutcome = { status: 'processed'; event: ConnectorEvent } | { status: 'already-processed' } | { status: 'missing' };

/** Options for {@link processWebhookDelivery}. */
export interface ProcessDeliveryDeps {
  database: Database;
  compliance: ComplianceHandler;
  /** Revokes the shop's tokens (app/uninstalled). */
  revokeSessions(shopId: string): Promise<unknown>;
}

/**
 * Applies one stored webhook. Mirror writes happen in one transaction with marking the delivery
 * processed, so a crash leaves it either fully applied or pending for a retry. Other effects
 * (compliance requests, uninstall) call other parts that use their own connections, so they run
 * outside that transaction; they are idempotent, and the delivery is marked processed after them.
 */
export async function processWebhookDelivery(deps: ProcessDeliveryDeps, shopId: string, deliveryId: string): Promise<ProcessOutcome> {
  const { rows } = await deps.database.pool.query<{ topic: WebhookTopic; payload: Record<string, any>; processed_at: Date | null }>( // eslint-disable-line @typescript-eslint/no-explicit-any
    'SELECT topic, payload, processed_at FROM webhook_deliveries WHERE id = $1 AND shop_id = $2',
    [deliveryId, shopId],
  );
  const delivery = rows[0];
  if (!delivery) return { status: 'missing' };
  if (delivery.processed_at) return { status: 'already-processed' };
  try {
    switch (delivery.topic) {
      case 'orders/create':
      case 'orders/updated':
      case 'customers/create':
      case 'customers/update':
        return await mirrorInTransaction(deps, shopId, deliveryId, delivery.topic, delivery.payload);
      default: {
        const event = await applyEffect(deps, shopId, delivery.topic, delivery.payload);
        const marked = await deps.database.pool.query(
          'UPDATE webhook_deliveries SET processed_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1 AND shop_id = $2 AND processed_at IS NULL',
          [deliveryId, shopId],
        );
        return marked.rowCount ? { status: 'processed', event } : { status: 'already-processed' };
      }
    }
  } catch (error) {
    await deps.database.pool
      .query('UPDATE webhook_deliveries SET attempts = attempts + 1, last_error = $3 WHERE id = $1 AND shop_id = $2', [deliveryId, shopId, (error as Error).message.slice(0, 500)])
      .catch(() => undefined);
    throw error;
  }
}

async function mirrorInTransaction(deps: ProcessDeliveryDeps, shopId: string, deliveryId: string, topic: WebhookTopic, payload: Record<string, any>): Promise<ProcessOutcome> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const client = await deps.database.pool.connect();
  try {
    await client.query('BEGIN');
    const locked = await client.query('SELECT processed_at FROM webhook_deliveries WHERE id = $1 AND shop_id = $2 FOR UPDATE', [deliveryId, shopId]);
    if (locked.rows[0]?.processed_at) {
      await client.query('ROLLBACK');
      return { status: 'already-processed' };
    }
    let event: ConnectorEvent;
    if (topic === 'orders/create' || topic === 'orders/updated') {
      const { order, lineItems } = orderFromRest(payload);
      await upsertOrders(client, shopId, [order]);
      await upsertLineItems(client, shopId, lineItems, [order.id]);
      if (payload.customer?.id) await upsertCustomers(client, shopId, [customerFromRest(payload.customer)]);
      event = { kind: topic === 'orders/create' ? 'order.created' : 'order.updated', shopId, orderId: order.id };
    } else {
      const customer = customerFromRest(payload);
      await upsertCustomers(client, shopId, [customer]);
      event = { kind: topic === 'customers/create' ? 'customer.created' : 'customer.updated', shopId, customerId: customer.id };
    }
    await client.query('UPDATE webhook_deliveries SET processed_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1 AND shop_id = $2', [deliveryId, shopId]);
    await client.query('COMMIT');
    return { status: 'processed', event };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function applyEffect(deps: ProcessDeliveryDeps, shopId: string, topic: WebhookTopic, payload: Record<string, any>): Promise<ConnectorEvent> { // eslint-disable-line @typescript-eslint/no-explicit-any
  switch (topic) {
    case 'app/uninstalled':
      await deps.database.pool.query('UPDATE shops SET uninstalled_at = now() WHERE id = $1', [shopId]);
      await deps.revokeSessions(shopId);
      return { kind: 'app.uninstalled', shopId };
    case 'bulk_operations/finish':
      return { kind: 'bulk.finished', shopId, bulkOperationId: String(payload.admin_graphql_api_id ?? '') };
    case 'customers/data_request':
      await deps.compliance.dataRequest(shopId, payload);
      return { kind: 'compliance', shopId, topic };
    case 'customers/redact':
      await deps.compliance.redactCustomer(shopId, payload);
      return { kind: 'compliance', shopId, topic };
    default:
      await deps.compliance.redactShop(shopId);
      return { kind: 'compliance', shopId, topic };
  }
}

/** Deliveries stored but not processed after `olderThanMs`: the ones a crash or a lost enqueue left behind. */
export async function pendingDeliveries(database: Database, olderThanMs: number, limit = 500): Promise<Array<{ id: string; shopId: string }>> {
  return database.db
    .select({ id: webhookDeliveries.id, shopId: webhookDeliveries.shopId })
    .from(webhookDeliveries)
    .innerJoin(shops, eq(shops.id, webhookDeliveries.shopId))
    .where(and(isNull(webhookDeliveries.processedAt), lt(webhookDeliveries.receivedAt, sql`now() - make_interval(secs => ${olderThanMs / 1000})`), lt(webhookDeliveries.attempts, 10)))
    .limit(limit);
}
