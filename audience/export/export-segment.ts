import { and, desc, eq } from 'drizzle-orm';
import type { Pool } from 'pg';
import { ConflictError, NotFoundError } from '../../core/errors';
import type { Clock } from '../../core/clock';
import type { ShopifyWriteBack } from '../../connectors/shopify';
import { schema, type Db } from '../../db';
import type { AuditLog, Pseudonymizer } from '../../privacy';
import { compileSegmentExpr, countWithNeighbours, findRevealingDifference, getSegment, parseSegmentQuery, revealingNeighbour, type Comparison } from '../segments';

const { audienceExports } = schema;

/** What exports need. */
export interface ExportDeps {
  db: Db;
  pool: Pool;
  pseudonymizer: Pseudonymizer;
  auditLog: AuditLog;
  clock: Clock;
  writeBackFor(shopId: string): Promise<ShopifyWriteBack>;
}

/** One export as the history shows it. */
export type ExportRecord = typeof audienceExports.$inferSelect;

/** The prefix of every tag storedesk writes to Shopify customers. */
export const SHOPIFY_TAG_PREFIX = 'storedesk:';

/** The Shopify customer tag for a segment: `storedesk:` and the name as a slug. */
export function shopifyTagFor(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 200);
  return `${SHOPIFY_TAG_PREFIX}${slug || 'segment'}`;
}

/** Queues an export of a saved segment; refused (409) when the segment is below k now. */
export async function requestExport(
  deps: ExportDeps & { k: number },
  shopId: string,
  actor: string,
  segmentId: string,
  options: { createShopifySegment?: boolean } = {},
): Promise<ExportRecord> {
  const segment = await getSegment(deps.db, shopId, segmentId);
  const parsed = parseSegmentQuery(segment.query);
  if (!parsed.ok) throw new ConflictError(`The saved query no longer parses: ${parsed.error}`);
  const counts = await countWithNeighbours(deps.pool, shopId, parsed.expr);
  const { size } = counts;
  if (size < deps.k) throw new ConflictError(`Fewer than ${deps.k} customers match; a segment this small is never exported. Widen it first.`, { details: { k: deps.k } });
  const close = revealingNeighbour(counts, deps.k) ?? (await findRevealingDifference(deps.pool, shopId, parsed.expr, deps.k, await earlierExports(deps.db, shopId, segment.query)));
  if (close) {
    throw new ConflictError(
      `This segment differs from ${close.comparison.label} by fewer than ${deps.k} customers; exporting it would let the Shopify tags single out that small group.`,
      { details: { k: deps.k } },
    );
  }
  const [row] = await deps.db
    .insert(audienceExports)
    .values({ shopId, segmentId, segmentName: segment.name, query: segment.query, shopifyTag: shopifyTagFor(segment.name), createShopifySegment: options.createShopifySegment ?? false, status: 'queued', size, requestedBy: actor })
    .returning();
  await deps.auditLog.record({ shopId, actor: { kind: 'staff', id: actor }, action: 'audience.export-request', subject: row!.id, detail: { segmentId, size } });
  return row!;
}

/**
 * Segments already written to Shopify, as they match now: tags in Shopify from two exports whose members
 * differ by a few customers would single those out. (Members are not stored, so this compares the queries
 * as they match today, not the customers tagged back then.)
 */
async function earlierExports(db: Db, shopId: string, query: string): Promise<Comparison[]> {
  const rows = await db.selectDistinct({ query: audienceExports.query }).from(audienceExports).where(and(eq(audienceExports.shopId, shopId), eq(audienceExports.status, 'done'))).limit(50);
  const out: Comparison[] = [];
  for (const row of rows) {
    const parsed = parseSegmentQuery(row.query);
    if (parsed.ok && parsed.normalized !== query) out.push({ label: `the earlier export "${parsed.normalized}"`, expr: parsed.expr });
  }
  return out;
}

async function setStatus(db: Db, shopId: string, id: string, values: Partial<ExportRecord>): Promise<void> {
  await db.update(audienceExports).set(values).where(and(eq(audienceExports.shopId, shopId), eq(audienceExports.id, id)));
}

/**
 * Runs a queued export inside the job: maps pseudonyms back to Shopify ids (in memory, for this run only;
 * the mapping is never stored), adds the segment's tag to each member, optionally creates the Shopify
 * segment, and audits the result. Re-running a finished export does nothing; each write is idempotent.
 */
export async function runExport(deps: ExportDeps & { k: number }, shopId: string, exportId: string, onProgress?: (fraction: number) => Promise<void> | void): Promise<ExportRecord> {
  const [row] = await deps.db.select().from(audienceExports).where(and(eq(audienceExports.shopId, shopId), eq(audienceExports.id, exportId)));
  if (!row) throw new NotFoundError('No such export');
  if (row.status === 'done' || row.status === 'refused') return row;
  await setStatus(deps.db, shopId, exportId, { status: 'running', error: null });
  try {
    const parsed = parseSegmentQuery(row.query);
    if (!parsed.ok) throw new ConflictError(`The saved query no longer parses: ${parsed.error}`);
    const params: unknown[] = [shopId];
    const condition = compileSegmentExpr(parsed.expr, params);
    const { rows: members } = await deps.pool.query<{ subject: string }>(`SELECT subject FROM audience_profiles WHERE shop_id = $1 AND ${condition}`, params);
    if (members.length < deps.k) {
      await setStatus(deps.db, shopId, exportId, { status: 'refused', size: null, error: `Fewer than ${deps.k} customers match now`, finishedAt: deps.clock.now() });
      await deps.auditLog.record({ shopId, actor: { kind: 'system', id: 'system' }, action: 'audience.export-refused', subject: exportId, detail: { k: deps.k } });
      return { ...row, status: 'refused' };
    }
    const wanted = new Set(members.map((m) => m.subject));
    const customerIds = await customersOf(deps, shopId, wanted);
    const writeBack = await deps.writeBackFor(shopId);
    let tagged = 0;
    for (const id of customerIds) {
      await writeBack.addCustomerTags(id, [row.shopifyTag]);
      if (++tagged % 50 === 0) await onProgress?.(tagged / customerIds.length);
    }
    let shopifySegmentId: string | null = null;
    if (row.createShopifySegment) shopifySegmentId = (await writeBack.createSegment(`storedesk: ${row.segmentName}`, `customer_tags CONTAINS '${row.shopifyTag}'`)).segmentId;
    const done = { status: 'done', size: members.length, tagged, shopifySegmentId, finishedAt: deps.clock.now() };
    await setStatus(deps.db, shopId, exportId, done);
    await deps.auditLog.record({ shopId, actor: { kind: 'system', id: 'system' }, action: 'audience.export', subject: exportId, detail: { segmentId: row.segmentId, size: members.length, tagged, tag: row.shopifyTag, shopifySegmentId } });
    return { ...row, ...done };
  } catch (error) {
    await setStatus(deps.db, shopId, exportId, { status: 'failed', error: (error as Error).message.slice(0, 500), finishedAt: deps.clock.now() });
    throw error;
  }
}

async function customersOf(deps: ExportDeps, shopId: string, wanted: Set<string>): Promise<number[]> {
  const { rows } = await deps.pool.query<{ id: string }>('SELECT id FROM customers WHERE shop_id = $1 AND redacted_at IS NULL ORDER BY id', [shopId]);
  const ids: number[] = [];
  for (const row of rows) {
    const id = Number(row.id);
    if (wanted.has(await deps.pseudonymizer.pseudonymize(shopId, 'customer', id))) ids.push(id);
  }
  return ids;
}

/** The shop's export history, newest first. */
export async function listExports(db: Db, shopId: string, limit = 100): Promise<ExportRecord[]> {
  return db.select().from(audienceExports).where(eq(audienceExports.shopId, shopId)).orderBy(desc(audienceExports.requestedAt)).limit(limit);
}
