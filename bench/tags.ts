/**
 * Audience tag benchmark on real PostgreSQL: generates a store of 200,000 customers / 1,000,000 orders with
 * generate_series in a scratch database, then times the full tag refresh, the incremental refresh per 1,000
 * new orders, and segment size queries. Run with `npm run bench:tags`
 * (options: `-- --url postgres://… --customers N --orders N`; the scratch database is dropped at the end).
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { countSegment, parseSegmentQuery, refreshAllTags, refreshSomeTags } from '../audience';
import { addSyntheticOrders, seedSyntheticStore } from '../audience/testing';
import { createSecretBox } from '../core/crypto';
import { openDatabase, upsertShop } from '../db';
import { createPseudonymizer } from '../privacy';

const flag = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const serverUrl = flag('url', 'postgres://postgres@127.0.0.1:5432/postgres');
const customers = Number(flag('customers', '200000'));
const orders = Number(flag('orders', '1000000'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

async function main(): Promise<void> {
  const name = `storedesk_bench_tags_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
  try {
    const asOf = new Date('2026-11-01T00:00:00Z');
    const clock = { now: () => asOf };
    const shop = await upsertShop(database.db, { domain: 'bench-tags.myshopify.com' });
    const [, seedMs] = await timed(() => seedSyntheticStore(database.pool, shop.id, { customers, orders, asOf }));
    await database.pool.query('ANALYZE');
    console.log(`generated ${customers.toLocaleString('en')} customers, ${orders.toLocaleString('en')} orders in ${seconds(seedMs)}`);

    const pseudonymizer = createPseudonymizer({ db: database.db, secrets: createSecretBox(randomBytes(32).toString('hex')) });
    const deps = { pool: database.pool, pseudonymizer, clock };
    const [report, fullMs] = await timed(() => refreshAllTags(deps, shop.id));
    console.log(`full refresh: ${report.profiles.toLocaleString('en')} profiles in ${seconds(fullMs)} (target < 60 s)`);
    const [, secondMs] = await timed(() => refreshAllTags(deps, shop.id));
    console.log(`full refresh again (warm): ${seconds(secondMs)}`);

    const incremental: number[] = [];
    for (let round = 0; round < 3; round++) {
      const added = await addSyntheticOrders(database.pool, shop.id, { customers, orders: 1000, asOf, firstOrderId: orders + 1 + round * 1000 });
      const orderIds = Array.from({ length: added.to - added.from + 1 }, (_, i) => added.from + i);
      const [count, ms] = await timed(() => refreshSomeTags(deps, shop.id, { orderIds }));
      incremental.push(ms);
      console.log(`incremental refresh after 1,000 new orders: ${count} profiles in ${ms.toFixed(0)} ms`);
    }
    console.log(`incremental refresh per 1,000 new orders (median of 3): ${median(incremental).toFixed(0)} ms`);

    for (const query of ['discount:high AND interest:running AND country:SG', 'country:SG AND NOT loyalty:lapsed', '(rfm:champions OR rfm:loyal) AND spend:top', 'sg-district:20']) {
      const parsed = parseSegmentQuery(query);
      if (!parsed.ok) throw new Error(parsed.error);
      const runs: number[] = [];
      let size = 0;
      for (let i = 0; i < 7; i++) {
        const [n, ms] = await timed(() => countSegment(database.pool, shop.id, parsed.expr));
        runs.push(ms);
        size = n;
      }
      console.log(`segment size "${query}": ${size.toLocaleString('en')} in ${median(runs).toFixed(1)} ms (median of 7; target < 200 ms)`);
    }
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
