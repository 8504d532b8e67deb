import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../program';
import { createCliContext, type CliContext } from '../context';

describe('storedesk sync', () => {
  let dataDir: string;
  let context: CliContext | undefined;
  let output = '';
  const write = process.stdout.write.bind(process.stdout);

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'storedesk-sync-'));
    output = '';
    process.stdout.write = ((chunk: string) => ((output += chunk), true)) as typeof process.stdout.write;
  });
  afterEach(async () => {
    process.stdout.write = write;
    await context?.close();
    context = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const run = (...args: string[]) => {
    const program = buildProgram(() => (context ??= createCliContext({ DATA_DIR: dataDir, DEMO_ORDERS: '40', LOG_LEVEL: 'silent' })));
    return program.parseAsync(['node', 'storedesk', ...args]);
  };

  it('backfills the demo store, then syncs incrementally', async () => {
    await run('sync', '--shop', 'storedesk-demo.myshopify.com');
    expect(output).toMatch(/synced 50 products, 500 customers, 40 orders/);
    output = '';
    await run('sync', '--shop', 'storedesk-demo.myshopify.com');
    expect(output).toMatch(/synced \d+ products, \d+ customers, \d+ orders/);
    const database = await context!.database();
    const { rows } = await database.pool.query("SELECT kind FROM sync_runs WHERE status = 'completed' ORDER BY started_at");
    expect(rows.map((r) => r.kind)).toEqual(['full:products', 'full:customers', 'full:orders', 'incremental:products', 'incremental:customers', 'incremental:orders']);
  }, 90_000);

  it('refuses a shop that is not a myshopify domain, with a clear message', async () => {
    await expect(run('sync', '--shop', 'example.com')).rejects.toThrow(/not a myshopify.com domain/);
  });
});
