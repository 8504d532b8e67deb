import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AppError } from '../../../core/errors';
import type { Logger } from '../../../core/logging';
import type { Database } from '../../../db';
import type { AdminGraphqlClient } from '../admin-client';
import { customerFromGraphql, lineItemFromGraphql, orderFromGraphql, productFromGraphql, upsertCustomers, upsertLineItems, upsertOrders, upsertProducts } from '../mirror';
import { ingestBulkJsonl } from './ingest-bulk-jsonl';
import { BULK_OPERATION_STATUS, BULK_QUERIES, PAGED_QUERIES, RUN_BULK_QUERY, type SyncResource } from './queries';
import { finishSyncRun, lastCursor, startSyncRun, updateSyncRun } from './sync-runs';

/** Progress of a sync, for a progress bar. */
export interface SyncProgress {
  resource: SyncResource;
  phase: 'waiting' | 'ingesting' | 'paging' | 'done';
  done: number;
  total?: number;
}

/** Options for {@link syncShop}. */
export interface SyncShopOptions {
  database: Database;
  shopId: string;
  client: AdminGraphqlClient;
  logger: Logger;
  /** `full` backfills with bulk operations; `incremental` pages through what changed since the last run. Default: full when never synced. */
  mode?: 'full' | 'incremental';
  resources?: SyncResource[];
  onProgress?: (progress: SyncProgress) => void;
  sleep?: (ms: number) => Promise<void>;
  /** Fetches the bulk result file (the bulk URL needs no token). */
  fetchFile?: typeof fetch;
}

const RESOURCES: SyncResource[] = ['products', 'customers', 'orders'];
const LINE_ITEMS_PAGE = 15;

/** Mirrors a shop's products, customers and orders into Postgres. Safe to repeat: every write is an upsert. */
export async function syncShop(options: SyncShopOptions): Promise<Record<SyncResource, number>> {
  const counts = { products: 0, customers: 0, orders: 0 };
  for (const resource of options.resources ?? RESOURCES) {
    const cursor = await lastCursor(options.database.db, options.shopId, resource);
    const mode = options.mode ?? (cursor ? 'incremental' : 'full');
    const runId = await startSyncRun(options.database.db, options.shopId, `${mode}:${resource}`);
    try {
      const result = mode === 'full' || !cursor ? await bulkBackfill(options, resource, runId) : await pageChanges(options, resource, cursor, runId);
      counts[resource] = result.count;
      // While a backfill runs, progress counts its file's lines (an order's line items too); a finished run says how
      // many products, customers or orders it copied.
      await finishSyncRun(options.database.db, options.shopId, runId, { status: 'completed', cursorUpdatedAt: result.newest ?? cursor, objectsDone: result.count });
      options.onProgress?.({ resource, phase: 'done', done: result.count, total: result.count });
    } catch (error) {
      await finishSyncRun(options.database.db, options.shopId, runId, { status: 'failed', error: (error as Error).message }).catch(() => undefined);
      throw error;
    }
  }
  return counts;
}

async function bulkBackfill(options: SyncShopOptions, resource: SyncResource, runId: string): Promise<{ count: number; newest: Date | null }> {
  const { client, database, shopId } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const started = await client.request<{ bulkOperationRunQuery: { bulkOperation: { id: string } | null; userErrors: Array<{ message: string }> } }>(RUN_BULK_QUERY, { query: BULK_QUERIES[resource] });
  const operation = started.bulkOperationRunQuery.bulkOperation;
  if (!operation) throw new AppError('bulk_operation_refused', `Shopify refused the ${resource} backfill: ${started.bulkOperationRunQuery.userErrors.map((e) => e.message).join('; ')}`, { status: 502 });
  await updateSyncRun(database.db, shopId, runId, { bulkOperationId: operation.id });

  let delay = 200;
  for (;;) {
    const { bulkOperation } = await client.request<{ bulkOperation: { status: string; errorCode: string | null; objectCount: string; url: string | null } }>(BULK_OPERATION_STATUS, { id: operation.id });
    options.onProgress?.({ resource, phase: 'waiting', done: Number(bulkOperation.objectCount) });
    if (bulkOperation.status === 'COMPLETED') {
      const total = Number(bulkOperation.objectCount);
      await updateSyncRun(database.db, shopId, runId, { objectsTotal: total });
      if (!bulkOperation.url) return { count: 0, newest: null }; // Shopify gives no file when there is nothing to export.
      const response = await (options.fetchFile ?? fetch)(bulkOperation.url);
      if (!response.ok || !response.body) throw new AppError('bulk_download_failed', `Could not download the ${resource} backfill (HTTP ${response.status})`, { status: 502 });
      const result = await ingestBulkJsonl({
        pool: database.pool,
        shopId,
        resource,
        lines: Readable.fromWeb(response.body as WebReadableStream),
        onProgress: async (done) => {
          options.onProgress?.({ resource, phase: 'ingesting', done, total });
          await updateSyncRun(database.db, shopId, runId, { objectsDone: done });
        },
      });
      return { count: result.roots, newest: result.newestUpdatedAt ? new Date(result.newestUpdatedAt) : null };
    }
    if (['FAILED', 'CANCELED', 'EXPIRED'].includes(bulkOperation.status)) {
      throw new AppError('bulk_operation_failed', `The ${resource} backfill ended ${bulkOperation.status}${bulkOperation.errorCode ? ` (${bulkOperation.errorCode})` : ''}`, { status: 502 });
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 5_000);
  }
}

async function pageChanges(options: SyncShopOptions, resource: SyncResource, since: Date, runId: string): Promise<{ count: number; newest: Date | null }> {
  const { client, database, shopId } = options;
  // >= rather than >: rows sharing the cursor's timestamp are re-read, and the upserts make that harmless.
  const query = `updated_at:>='${since.toISOString()}'`;
  let after: string | null = null;
  let count = 0;
  let newest: string | null = null;
  for (;;) {
    const data: Record<string, { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<Record<string, any>> }> = await client.request(PAGED_QUERIES[resource], { after, query }); // eslint-disable-line @typescript-eslint/no-explicit-any
    const page = data[resource]!;
    for (const node of page.nodes) if (!newest || node.updatedAt > newest) newest = node.updatedAt;
    if (resource === 'orders') {
      const orders = page.nodes.map(orderFromGraphql);
      const items = page.nodes.flatMap((node) => (node.lineItems?.nodes ?? []).map((li: Record<string, unknown>) => lineItemFromGraphql(li, orderFromGraphql(node).id)));
      await upsertOrders(database.pool, shopId, orders);
      // An order with a full first page may have more items than we fetched: add, but don't prune, its items.
      const complete = page.nodes.filter((node) => (node.lineItems?.nodes ?? []).length < LINE_ITEMS_PAGE).map((node) => orderFromGraphql(node).id);
      await upsertLineItems(database.pool, shopId, items, complete);
    } else if (resource === 'customers') {
      await upsertCustomers(database.pool, shopId, page.nodes.map(customerFromGraphql));
    } else {
      await upsertProducts(database.pool, shopId, page.nodes.map(productFromGraphql));
    }
    count += page.nodes.length;
    options.onProgress?.({ resource, phase: 'paging', done: count });
    await updateSyncRun(database.db, shopId, runId, { objectsDone: count });
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return { count, newest: newest ? new Date(newest) : null };
}
