import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as schema from './index';

// The multi-tenant rule: every table but `shops` itself, and tables documented as installation-wide,
// carries a shop_id. This test keeps new tables honest.
const installationWide = new Set(['shops', 'global_blocklist', 'rate_limits']);

describe('schema tenancy', () => {
  const tables = Object.values(schema).filter((value) => is(value, PgTable)) as PgTable[];

  it('has tables to check', () => {
    expect(tables.length).toBeGreaterThan(1);
  });

  it.each(tables.map((table) => [getTableName(table), table] as const))(
    'table %s carries a non-null shop_id unless it is installation-wide',
    (name, table) => {
      if (installationWide.has(name)) return;
      const columns = Object.values(getTableColumns(table));
      const shopId = columns.find((column) => column.name === 'shop_id');
      expect(shopId).toBeDefined();
      expect(shopId?.notNull).toBe(true);
    },
  );
});
