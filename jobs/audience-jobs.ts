import { z } from 'zod';
import type { Audience } from '../audience';
import type { ConnectorEvent } from '../connectors/shopify';
import { defineJob, type JobContext, type JobDefinition } from './runner';

/** What the audience jobs need: the audience capability built by the composition root. */
export interface AudienceJobDeps {
  audience: Audience;
}

const shopId = z.string().uuid();
const ids = z.array(z.number().int().positive()).max(10_000);

/**
 * `audience.refresh-tags` {shopId}: full refresh (after each sync, after a key rotation, from the admin).
 * `audience.refresh-customers` {shopId, customerIds?, orderIds?}: incremental refresh on new or changed orders
 * and customers (falls back to a full refresh before the first one). `audience.export-segment`
 * {shopId, exportId}: writes a segment's tag to its members in Shopify (and the Shopify segment).
 */
export function audienceJobs(deps: AudienceJobDeps): JobDefinition<any>[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  const refreshTags = defineJob({
    name: 'audience.refresh-tags',
    schema: z.object({ shopId }).strict(),
    concurrency: 1,
    lockLifetimeMs: 15 * 60_000,
    async handle(data, context) {
      const report = await deps.audience.refreshTags(data.shopId, (f) => void context.progress(f));
      context.logger.info({ profiles: report.profiles, durationMs: report.durationMs, segments: report.segments }, 'audience tags refreshed');
    },
  });
  const refreshCustomers = defineJob({
    name: 'audience.refresh-customers',
    schema: z.object({ shopId, customerIds: ids.optional(), orderIds: ids.optional() }).strict(),
    async handle(data, context) {
      const result = await deps.audience.refreshCustomers(data.shopId, { customerIds: data.customerIds, orderIds: data.orderIds });
      context.logger.debug(result, 'audience tags refreshed for changed customers');
    },
  });
  const exportSegment = defineJob({
    name: 'audience.export-segment',
    schema: z.object({ shopId, exportId: z.string().uuid() }).strict(),
    concurrency: 1,
    lockLifetimeMs: 30 * 60_000,
    async handle(data, context) {
      const record = await deps.audience.runExport(data.shopId, data.exportId, (f) => context.progress(f));
      context.logger.info({ exportId: record.id, status: record.status, tagged: record.tagged }, 'audience segment exported');
    },
  });
  return [refreshTags, refreshCustomers, exportSegment];
}

/**
 * Routes a connector event to the audience jobs: `sync.completed` (a sync ended) → full refresh;
 * `order.created` / `order.updated` → refresh that order's customer; `customer.created` / `customer.updated`
 * → refresh that customer. Other events are not the audience's.
 */
export async function routeAudienceEvent(event: ConnectorEvent, context: Pick<JobContext, 'enqueue'>): Promise<void> {
  if (event.kind === 'sync.completed') await context.enqueue('audience.refresh-tags', { shopId: event.shopId });
  else if (event.kind === 'order.created' || event.kind === 'order.updated') await context.enqueue('audience.refresh-customers', { shopId: event.shopId, orderIds: [event.orderId] });
  else if (event.kind === 'customer.created' || event.kind === 'customer.updated') await context.enqueue('audience.refresh-customers', { shopId: event.shopId, customerIds: [event.customerId] });
}
