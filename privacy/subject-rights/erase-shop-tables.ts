import { getTableName, is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { schema, type Db } from '../../db';

// Deleted last or specially: the audit log needs the erasure flag, webhook deliveries skip the locked one.
const SPECIAL = new Set(['shops', 'audit_log', 'webhook_deliveries']);

/** Shop-scoped tables, those that reference others first, so no foreign key blocks a delete. */
function shopScopedTables(): string[] {
  const tables = (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .filter((table) => getTableConfig(table).columns.some((column) => column.name === 'shop_id'));
  const references = new Map(
    tables.map((table) => [getTableName(table), getTableConfig(table).foreignKeys.map((fk) => getTableName(fk.reference().foreignTable))] as const),
  );
  const ordered: string[] = [];
  const visit = (name: string, seen: Set<string>) => {
    if (ordered.includes(name) || seen.has(name)) return;
    seen.add(name);
    for (const [other, targets] of references) if (targets.includes(name) && other !== name) visit(other, seen);
    ordered.push(name);
  };
  for (const name of references.keys()) visit(name, new Set());
  return ordered.filter((name) => !SPECIAL.has(name));
}

/**
 * Deletes every row of the shop in every shop-scoped table of the schema (new tables are covered as they
 * are added), keeping only the `shops` row as a tombstone with its settings emptied. Returns counts per table.
 */
export async function eraseShopTables(db: Db, shopId: string): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    const counts: Record<string, number> = {};
    for (const name of shopScopedTables()) {
      const result = await tx.execute(sql`delete from ${sql.identifier(name)} where shop_id = ${shopId}`);
      counts[name] = result.rowCount ?? 0;
    }
    // The delivery that carries this shop/redact is locked by its own transaction and is marked processed there.
    const deliveries = await tx.execute(
      sql`delete from webhook_deliveries where id in (select id from webhook_deliveries where shop_id = ${shopId} for update skip locked)`,
    );
    counts.webhook_deliveries = deliveries.rowCount ?? 0;
    await tx.execute(sql`select set_config('storedesk.erasing_shop', ${shopId}, true)`);
    const audit = await tx.execute(sql`delete from audit_log where shop_id = ${shopId}`);
    counts.audit_log = audit.rowCount ?? 0;
    await tx.execute(sql`update shops set settings = '{}'::jsonb, name = '' where id = ${shopId}`);
    return counts;
  });
}
