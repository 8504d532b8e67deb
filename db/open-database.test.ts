import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, migrationsApplied } from './migrate';
import { openDatabase } from './open-database';
import { findShopByDomain, upsertShop } from './shops';
import { createTestDatabase, testEngine } from './testing';

describe(`openDatabase on ${testEngine}`, () => {
  it('migrates a fresh database and can migrate it again without harm', async () => {
    const database = await createTestDatabase();
    try {
      expect(await migrationsApplied(database.pool)).toBe(true);
      await applyMigrations(database.pool);
      const shop = await upsertShop(database.db, { domain: 'Demo.myshopify.com', name: 'Demo' });
      expect((await findShopByDomain(database.db, 'demo.myshopify.com'))?.id).toBe(shop.id);
    } finally {
      await database.close();
    }
  });

  it('keeps concurrent parameterised queries of different connections apart', async () => {
    const database = await createTestDatabase({ poolSize: 10 });
    try {
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) => {
          if (i % 4 === 0) {
            // Large messages arrive in several TCP chunks, which is when another connection could slip in.
            const big = Array.from({ length: 20_000 }, (_, j) => j);
            return database.pool.query<{ total: string }>('SELECT sum(x)::int AS total FROM unnest($1::int[]) AS x', [big]).then((r) => [r.rows[0]!.total, big.reduce((a, b) => a + b, 0)]);
          }
          const params = Array.from({ length: (i % 11) + 1 }, (_, j) => j + i);
          const placeholders = params.map((_, j) => `$${j + 1}::int`).join(' + ');
          return database.pool.query<{ total: number }>(`SELECT ${placeholders} AS total`, params).then((r) => [r.rows[0]!.total, params.reduce((a, b) => a + b, 0)]);
        }),
      );
      for (const [got, expected] of results) expect(got).toBe(expected);
    } finally {
      await database.close();
    }
  });

  it('runs transactions on pooled connections without mixing them', async () => {
    const database = await createTestDatabase();
    try {
      await database.pool.query('CREATE TABLE t (n int)');
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          database.db.transaction(async (tx) => {
            await tx.execute(`INSERT INTO t VALUES (${i})`);
            if (i % 2 === 0) tx.rollback();
          }).catch(() => undefined),
        ),
      );
      const { rows } = await database.pool.query<{ n: number }>('SELECT n FROM t ORDER BY n');
      expect(rows.map((r) => r.n)).toEqual([1, 3, 5, 7]);
    } finally {
      await database.close();
    }
  });
});

describe('embedded database directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'storedesk-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('persists data across restarts', async () => {
    const first = await openDatabase({ dataDir: dir });
    await upsertShop(first.db, { domain: 'persist.myshopify.com' });
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    try {
      expect(await findShopByDomain(second.db, 'persist.myshopify.com')).toBeDefined();
    } finally {
      await second.close();
    }
  });

  it('when another live process holds the directory, it refuses with a clear message and keeps the data', async () => {
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    try {
      writeFileSync(join(dir, 'storedesk.pid'), String(holder.pid));
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by another storedesk process/);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that died', async () => {
    writeFileSync(join(dir, 'storedesk.pid'), '999999');
    const database = await openDatabase({ dataDir: dir });
    await database.close();
  });
});
