/**
 * Risk scoring on a real database: warms the identity graph and order history with a generated
 * stream, then scores orders and sign-ups through the product path (mirror read, stores, signals,
 * score, verdict stored), excluding Shopify calls. Prints p50/p95/p99 per order and throughput.
 * Run with `npm run bench:risk-db` (options: `-- --url postgres://… --warm 30000 --measure 3000 --embedded --reuse`).
 * `--reuse` keeps the warmed database as a template (`storedesk_bench_risk_warm_<warm>`) and clones it
 * on later runs, so repeated runs skip the warm-up; drop it by hand when the schema changes.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { systemClock } from '../core/clock';
import { openDatabase, schema, upsertShop, type Database } from '../db';
import { createScratchDatabase, openKeptDatabase } from '../db/testing';
import {
  createInstallationHasher,
  createRiskEngine,
  createRiskService,
  deriveAppealLinkKey,
  PostgresBlocklist,
  PostgresIdentityGraphStore,
  PostgresOrderHistoryStore,
  sortEvents,
  type RiskEvent,
} from '../risk';
import { generateEvents } from '../risk/testing';

const flag = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1]! : fallback;
};
const embedded = process.argv.includes('--embedded');
const reuse = process.argv.includes('--reuse');
const serverUrl = flag('url', 'postgres://postgres@127.0.0.1:5432/postgres');
const warmCount = Number(flag('warm', '30000'));
const measureCount = Number(flag('measure', '3000'));
// Fixed, so that a kept warm template hashes identifiers as later runs do (a bench-only key).
const KEY = 'c'.repeat(64);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const summary = (label: string, times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} n=${String(sorted.length).padStart(5)}  p50 ${percentile(sorted, 50).toFixed(2)} ms  p95 ${percentile(sorted, 95).toFixed(2)} ms  p99 ${percentile(sorted, 99).toFixed(2)} ms  max ${sorted.at(-1)?.toFixed(2)} ms`);
};

/** CPU ticks (10 ms) per Postgres backend serving the bench database, when the server runs on this machine. */
async function backendTicks(database: Database): Promise<Map<number, number> | undefined> {
  const { rows } = await database.pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      return undefined;
    }
  }
  return ticks;
}

/** A database to measure on, and whether it still needs warming (a clone of the kept template does not). */
async function open(warm: (database: Database) => Promise<void>): Promise<{ database: Database; drop(): Promise<void> }> {
  if (embedded) {
    const database = await openDatabase({ poolSize: 8 });
    await warm(database);
    return { database, drop: async () => database.close() };
  }
  const template = reuse ? await openKeptDatabase(serverUrl, `storedesk_bench_risk_warm_${warmCount}`) : undefined;
  if (template && !template.ready) {
    const database = await openDatabase({ url: template.url, poolSize: 8 });
    await warm(database);
    await database.close();
    await template.markReady();
  }
  const scratch = await createScratchDatabase(serverUrl, 'storedesk_bench', { template: template?.name });
  const database = await openDatabase({ url: scratch.url, poolSize: 8 });
  if (!template) await warm(database);
  return {
    database,
    async drop() {
      await database.close();
      await scratch.drop();
    },
  };
}

async function main(): Promise<void> {
  const ids = new Map<string, number>();
  const idOf = (account: string) => ids.get(account) ?? (ids.set(account, ids.size + 1), ids.size);
  const events = sortEvents(generateEvents({ seed: 2026 }).events).map((event): RiskEvent => (event.account ? { ...event, account: String(idOf(event.account)) } : event));
  const hasher = createInstallationHasher(KEY);
  const warmUp = async (database: Database) => {
    const shop = await upsertShop(database.db, { domain: 'bench-risk.myshopify.com', name: 'Bench' });
    const engine = createRiskEngine({
      graph: new PostgresIdentityGraphStore(database.pool, shop.id),
      history: new PostgresOrderHistoryStore(database.pool, shop.id),
      blocklist: new PostgresBlocklist(database.pool, shop.id),
      hasher,
    });
    const warm = events.slice(0, warmCount);
    const warmStart = performance.now();
    for (let i = 0; i < warm.length; i += 8) await Promise.all(warm.slice(i, i + 8).map((event) => engine.record(event)));
    console.log(`engine ${database.engine}; warmed with ${warm.length} events in ${((performance.now() - warmStart) / 1000).toFixed(1)} s`);
    await database.pool.query('ANALYZE');
  };
  const { database, drop } = await open(warmUp);
  try {
    const shop = await upsertShop(database.db, { domain: 'bench-risk.myshopify.com', name: 'Bench' });
    console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

    const profile = new Map<string, { n: number; ms: number }>();
    const timed = {
      query: async (config: { text: string; values?: unknown[] }) => {
        const t = performance.now();
        try {
          return await database.pool.query(config);
        } finally {
          const key = config.text.replace(/\s+/g, ' ').slice(0, 70);
          const entry = profile.get(key) ?? { n: 0, ms: 0 };
          entry.n += 1;
          entry.ms += performance.now() - t;
          profile.set(key, entry);
        }
      },
    } as unknown as typeof database.pool;
    const service = createRiskService({ db: process.argv.includes('--profile') ? timed : database.pool, hasher, appealLinkKey: deriveAppealLinkKey(KEY), clock: systemClock, publicUrl: 'http://localhost' });
    const assess: number[] = [];
    const full: number[] = [];
    const accounts: number[] = [];
    const decisions: Record<string, number> = { allow: 0, review: 0, deny: 0 };
    let orderId = 1;
    let measured = 0;
    const pgStart = embedded ? undefined : await backendTicks(database);
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    let busy = 0;
    for (const event of events.slice(warmCount)) {
      if (measured >= measureCount) break;
      const attrs = (event.attrs ?? {}) as Record<string, unknown>;
      const customerId = event.account ? Number(event.account) : undefined;
      if (event.type === 'account') {
        await database.db.insert(schema.customers).values({ shopId: shop.id, id: customerId!, email: event.email ?? null, createdAt: new Date(event.at), updatedAt: new Date(event.at) }).onConflictDoNothing();
        const t = performance.now();
        await service.scoreAccount(shop.id, customerId!);
        accounts.push(performance.now() - t);
        continue;
      }
      const id = orderId++;
      const shipping = typeof attrs.shippingAddress === 'string' ? { address1: attrs.shippingAddress } : ((attrs.shippingAddress as object | undefined) ?? null);
      await database.db.insert(schema.orders).values({
        shopId: shop.id, id, name: `#${id}`, customerId: customerId ?? null, email: event.email ?? (attrs.email as string | undefined) ?? null, currency: 'SGD',
        totalPrice: (event.amount ?? 0).toFixed(2), discountCodes: event.discountCode ? [event.discountCode] : [], clientIp: event.ip ?? null, deviceId: event.device ?? null,
        shippingAddress: shipping, createdAt: new Date(event.at), updatedAt: new Date(event.at),
      });
      const t = performance.now();
      const result = await service.scoreOrder(shop.id, id);
      const elapsed = performance.now() - t;
      busy += elapsed;
      full.push(elapsed);
      assess.push(result.assessMs);
      decisions[result.verdict.decision]! += 1;
      measured += 1;
    }
    const wall = performance.now() - started;
    const cpu = process.cpuUsage(cpuStart);
    const pgEnd = pgStart && (await backendTicks(database));
    const pgMs = pgEnd && [...pgEnd].reduce((sum, [pid, ticks]) => sum + (ticks - (pgStart!.get(pid) ?? 0)) * 10, 0);
    summary('order: assess (stores + signals + score)', assess);
    summary('order: scoreOrder (mirror read .. verdict)', full);
    summary('account: scoreAccount', accounts);
    console.log(`throughput (sequential, one connection at a time): ${(measured / (busy / 1000)).toFixed(0)} orders/s; wall ${(wall / 1000).toFixed(1)} s incl. mirror inserts`);
    console.log(`decisions: ${JSON.stringify(decisions)}`);
    const scoredCount = measured + accounts.length;
    console.log(`CPU per scored event (incl. mirror inserts): this process ${((cpu.user + cpu.system) / 1000 / scoredCount).toFixed(2)} ms, Postgres ${pgMs === undefined ? 'n/a' : `${(pgMs / scoredCount).toFixed(2)} ms`}`);
    console.log(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    for (const [key, entry] of [...profile].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15))
      console.log(`  ${(entry.ms / entry.n).toFixed(2).padStart(7)} ms x ${String(entry.n).padStart(6)}  ${key}`);
    const { rows } = await database.pool.query(`SELECT (SELECT count(*) FROM risk_identity_links) AS links, (SELECT count(*) FROM risk_orders) AS orders, (SELECT count(*) FROM risk_verdicts) AS verdicts`);
    console.log(`rows: ${JSON.stringify(rows[0])}`);
  } finally {
    await drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
