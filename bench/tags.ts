/**
 * Audience tag benchmark on real PostgreSQL: generates a store of 200,000 customers / 1,000,000 orders with
 * generate_series in a scratch database, then times the full tag refresh, the incremental refresh per 1,000
 * new orders, and segment size queries. Run with `npm run bench:tags`
 * (options: `-- --url postgres://… --customers N --orders N --reuse`). Without `--reuse` the scratch database
 * is dropped at the end; with it, the database is named after the sizes and kept, so later runs skip generation.
 */
import { createHash, randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { countSegment, measureSegment, parseSegmentQuery, refreshAllTags, refreshSomeTags } from '../audience';
import { addSyntheticOrders, seedSyntheticStore } from '../audience/testing';
import { createSecretBox } from '../core/crypto';
import { openDatabase, upsertShop } from '../db';
import { createScratchDatabase, openKeptDatabase } from '../db/testing';
import { createPseudonymizer } from '../privacy';

const flag = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const serverUrl = flag('url', 'postgres://postgres@127.0.0.1:5432/postgres');
const customers = Number(flag('customers', '200000'));
const orders = Number(flag('orders', '1000000'));
const reuse = process.argv.includes('--reuse');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () => loadavg().map((n) => n.toFixed(1)).join(' ');

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

async function main(): Promise<void> {
  if (!Number.isInteger(customers) || !Number.isInteger(orders) || customers < 1 || orders < 1) throw new Error('--customers and --orders must be positive integers');
  const kept = reuse ? await openKeptDatabase(serverUrl, `storedesk_bench_tags_c${customers}_o${orders}`) : undefined;
  const scratch = kept ? undefined : await createScratchDatabase(serverUrl, 'storedesk_bench_tags');
  const database = await openDatabase({ url: (kept ?? scratch)!.url, poolSize: 4 });
  try {
    const asOf = new Date('2026-11-01T00:00:00Z');
    const clock = { now: () => asOf };
    const shop = await upsertShop(database.db, { domain: 'bench-tags.myshopify.com' });
    if (kept?.ready) {
      // Back to the generated state: no orders from earlier incremental rounds, no profiles.
      await database.pool.query('DELETE FROM order_line_items WHERE shop_id = $1 AND order_id > $2', [shop.id, orders]);
      await database.pool.query('DELETE FROM orders WHERE shop_id = $1 AND id > $2', [shop.id, orders]);
      // The scratch database holds this one shop, so its profiles can go with their dead space.
      await database.pool.query('TRUNCATE audience_profiles');
      await database.pool.query('DELETE FROM audience_refreshes WHERE shop_id = $1', [shop.id]);
      await database.pool.query('VACUUM ANALYZE');
      console.log(`reusing ${kept.name}: ${customers.toLocaleString('en')} customers, ${orders.toLocaleString('en')} orders`);
    } else {
      const [, seedMs] = await timed(() => seedSyntheticStore(database.pool, shop.id, { customers, orders, asOf }));
      await database.pool.query('VACUUM ANALYZE');
      await kept?.markReady();
      console.log(`generated ${customers.toLocaleString('en')} customers, ${orders.toLocaleString('en')} orders in ${seconds(seedMs)}`);
    }
    console.log(`load average before: ${load()}`);

    // A kept database keeps its sealed shop key, so its secret must be the same on every run.
    const secret = kept ? createHash('sha256').update(kept.name).digest('hex') : randomBytes(32).toString('hex');
    const pseudonymizer = createPseudonymizer({ db: database.db, secrets: createSecretBox(secret) });
    const deps = { pool: database.pool, pseudonymizer, clock };
    const [report, fullMs] = await timed(() => refreshAllTags(deps, shop.id));
    console.log(`full refresh: ${report.profiles.toLocaleString('en')} profiles in ${seconds(fullMs)} (target < 60 s)`);
    const [, secondMs] = await timed(() => refreshAllTags(deps, shop.id));
    console.log(`full refresh again (replacing profiles): ${seconds(secondMs)}`);

    const incremental: number[] = [];
    for (let round = 0; round < 3; round++) {
      const added = await addSyntheticOrders(database.pool, shop.id, { customers, orders: 1000, asOf, firstOrderId: orders + 1 + round * 1000 });
      const orderIds = Array.from({ length: added.to - added.from + 1 }, (_, i) => added.from + i);
      const [count, ms] = await timed(() => refreshSomeTags(deps, shop.id, { orderIds }));
      incremental.push(ms);
      console.log(`incremental refresh after 1,000 new orders: ${count} profiles in ${ms.toFixed(0)} ms`);
    }
    console.log(`incremental refresh per 1,000 new orders (median of 3): ${median(incremental).toFixed(0)} ms`);

    await database.pool.query('ANALYZE audience_profiles');
    for (const query of ['discount:high AND interest:running AND country:SG', 'country:SG AND NOT loyalty:lapsed', '(rfm:champions OR rfm:loyal) AND spend:top', 'sg-district:20']) {
      const parsed = parseSegmentQuery(query);
      if (!parsed.ok) throw new Error(parsed.error);
      const bare: number[] = [];
      const shown: number[] = [];
      let size = 0;
      let answer = '';
      for (let i = 0; i < 7; i++) {
        const [n, ms] = await timed(() => countSegment(database.pool, shop.id, parsed.expr));
        bare.push(ms);
        size = n;
        // What the merchant's API and CLI answer: the size with the k-floor and the differencing check.
        const [measured, measuredMs] = await timed(() => measureSegment(database.pool, shop.id, parsed.expr, 10));
        shown.push(measuredMs);
        answer = measured.belowK ? `not shown (${measured.reason})` : measured.size.toLocaleString('en');
      }
      const range = (runs: number[]) => `median of 7, ${Math.min(...runs).toFixed(1)}-${Math.max(...runs).toFixed(1)}`;
      console.log(`segment size "${query}": ${answer} in ${median(shown).toFixed(1)} ms with the differencing check (${range(shown)}; target < 200 ms); bare count ${size.toLocaleString('en')} in ${median(bare).toFixed(1)} ms (${range(bare)})`);
    }
    console.log(`load average after: ${load()}`);
  } finally {
    await database.close();
    await scratch?.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
