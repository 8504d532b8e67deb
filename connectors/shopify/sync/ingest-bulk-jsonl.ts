import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Pool } from 'pg';
import { fromGid } from '../app';
import {
  customerFromGraphql,
  lineItemFromGraphql,
  orderFromGraphql,
  productFromGraphql,
  upsertCustomers,
  upsertLineItems,
  upsertOrders,
  upsertProducts,
  type LineItemRecord,
  type OrderRecord,
} from '../mirror';
import type { SyncResource } from './queries';

/** Options for {@link ingestBulkJsonl}. */
export interface IngestOptions {
  pool: Pool;
  shopId: string;
  resource: SyncResource;
  /** JSONL as a bulk operation writes it: parents first, children after with `__parentId`. */
  lines: Readable;
  batchSize?: number;
  onProgress?: (objectsDone: number) => Promise<void> | void;
}

/**
 * Streams a bulk result into the mirror in batches, in constant memory: a line is parsed, mapped,
 * buffered, and written with the batch. Two batches never write at once, so the database sees one
 * writer per sync.
 */
export async function ingestBulkJsonl(options: IngestOptions): Promise<{ objects: number; roots: number; newestUpdatedAt: string | null }> {
  const batchSize = options.batchSize ?? 5_000;
  const { pool, shopId, resource } = options;
  let roots: Array<Record<string, unknown>> = [];
  let children: LineItemRecord[] = [];
  let objects = 0;
  let rootCount = 0;
  let newest: string | null = null;

  // One batch is written while the next is parsed: the database and this process work on different cores.
  let writing: Promise<void> = Promise.resolve();
  const write = async (batchRoots: Array<Record<string, unknown>>, batchChildren: LineItemRecord[], done: number) => {
    if (resource === 'orders') {
      await upsertOrders(pool, shopId, batchRoots as unknown as OrderRecord[]);
      await upsertLineItems(pool, shopId, batchChildren);
    } else if (resource === 'customers') {
      await upsertCustomers(pool, shopId, batchRoots.map(customerFromGraphql));
    } else {
      await upsertProducts(pool, shopId, batchRoots.map(productFromGraphql));
    }
    await options.onProgress?.(done);
  };
  const flush = async () => {
    await writing;
    const batch = write(roots, children, objects);
    writing = batch;
    roots = [];
    children = [];
  };

  const reader = createInterface({ input: options.lines, crlfDelay: Infinity });
  for await (const line of reader) {
    if (line.length === 0) continue;
    const node = JSON.parse(line) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    objects += 1;
    if (typeof node.__parentId === 'string') {
      if (resource === 'orders') children.push(lineItemFromGraphql(node, fromGid(node.__parentId)!));
    } else {
      rootCount += 1;
      if (typeof node.updatedAt === 'string' && (newest === null || node.updatedAt > newest)) newest = node.updatedAt;
      roots.push(resource === 'orders' ? (orderFromGraphql(node) as unknown as Record<string, unknown>) : node);
    }
    // Children follow their parent, so a batch is cut only at a parent line.
    if (roots.length >= batchSize && typeof node.__parentId !== 'string') await flush();
  }
  if (roots.length > 0 || children.length > 0) await flush();
  await writing;
  return { objects, roots: rootCount, newestUpdatedAt: newest };
}
