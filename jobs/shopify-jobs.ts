import { z } from 'zod';
import type { ConnectorEvent, ShopifyConnector } from '../connectors/shopify';
import { defineJob, type JobContext, type JobDefinition } from './runner';

/** What the Shopify jobs need. `onEvent` routes a processed webhook to risk or audience. */
export interface ShopifyJobDeps {
  connector: ShopifyConnector;
  onEvent?(event: ConnectorEvent, context: JobContext): Promise<void>;
}

const shopId = z.string().uuid();

/** Processes one stored webhook delivery; safe to run twice. */
export function shopifyJobs(deps: ShopifyJobDeps): JobDefinition<any>[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  const processWebhook = defineJob({
    name: 'shopify.process-webhook',
    schema: z.object({ shopId, deliveryId: z.string().uuid() }),
    async handle(data, context) {
      const outcome = await deps.connector.processDelivery(data.shopId, data.deliveryId);
      if (outcome.status === 'processed') {
        if (outcome.event.kind === 'app.uninstalled') {
          // Shopify sends shop/redact 48 h after an uninstall; we schedule our own erasure as well,
          // which skips a shop that was installed again in the meantime.
          await context.schedule('in 48 hours', 'privacy.redact-uninstalled-shop', { shopId: data.shopId });
        }
        await deps.onEvent?.(outcome.event, context);
      }
    },
  });

  const sweep = defineJob({
    name: 'shopify.webhook-sweep',
    schema: z.object({}).strict(),
    async handle(_data, context) {
      const pending = await deps.connector.pendingDeliveries(30_000);
      for (const delivery of pending) await context.enqueue('shopify.process-webhook', { shopId: delivery.shopId, deliveryId: delivery.id });
      if (pending.length > 0) context.logger.info({ count: pending.length }, 'webhook deliveries re-enqueued');
    },
  });

  const sync = defineJob({
    name: 'shopify.sync',
    schema: z.object({ shopId, mode: z.enum(['full', 'incremental']).optional() }),
    lockLifetimeMs: 30 * 60_000,
    concurrency: 1,
    async handle(data, context) {
      const counts = await deps.connector.sync(data.shopId, {
        mode: data.mode,
        onProgress: (p) => {
          if (p.total) void context.progress(p.done / p.total);
        },
      });
      context.logger.info({ counts }, 'shop synced');
      await deps.onEvent?.({ kind: 'sync.completed', shopId: data.shopId }, context);
    },
  });

  return [processWebhook, sweep, sync];
}
