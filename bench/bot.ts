/*
 * Bot benchmark: npm run bench:bot -- [--database-url URL] [--conversations 64] [--messages 60] [--shops 10]
 *
 * N concurrent conversations talk to POST /api/messages with deliveryMode expectReplies, spread over
 * --shops shops that each serve their own stored model (so RSS counts that many models loaded). State,
 * transcripts, corpus and rate limits live in a scratch database created on the given server and
 * dropped afterwards. The load generator runs in the same process and shares the machine's cores.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { Command } from 'commander';
import { Client } from 'pg';
import pino from 'pino';
import { createBotRuntime, storeActiveModel } from '../bot';
import { createMetrics } from '../core/metrics';
import { openDatabase, schema, upsertShop } from '../db';
import { createApp } from '../server/http';
import { catalogTrainingExamples, loadDefaultCatalog, trainIntentModel } from '../training';

const program = new Command()
  .option('--database-url <url>', 'PostgreSQL server (a scratch database is created on it)', 'postgres://postgres@127.0.0.1:5432/postgres')
  .option('--conversations <n>', 'concurrent conversations', '64')
  .option('--messages <n>', 'messages per conversation', '60')
  .option('--shops <n>', 'shops, each with its own loaded model', '10')
  .option('--pool <n>', 'database pool size', '16')
  .parse();
const opts = program.opts<{ databaseUrl: string; conversations: string; messages: string; shops: string; pool: string }>();

const LINES = [
  'how much is shipping?',
  'can I pay with PayNow',
  'I want to return an item',
  'when will my order arrive',
  'do you have this in size M',
  'how do I reset my password',
  'thanks!',
  '#1001 buyer1001@example.com',
  '#1002 wrong@example.com',
  'hello',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const name = `storedesk_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: opts.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(opts.databaseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: Number(opts.pool) });
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number(opts.conversations) });
  let server: ReturnType<typeof createApp> | undefined;
  try {
    const catalog = loadDefaultCatalog();
    const trainStarted = performance.now();
    const model = await trainIntentModel(catalogTrainingExamples(catalog, 'en'), { lang: 'en' });
    const trainMs = performance.now() - trainStarted;
    const shopIds: string[] = [];
    for (let s = 0; s < Number(opts.shops); s += 1) {
      const shop = await upsertShop(database.db, { domain: `bench-${s}.myshopify.com`, name: `Bench ${s}` });
      shopIds.push(shop.id);
      // A stored model per shop: each is loaded from its own JSON row, as a promoted model would be.
      await storeActiveModel(database.db, { shopId: shop.id, language: 'en', model: model.toJSON() });
      const now = new Date();
      await database.db.insert(schema.orders).values(
        Array.from({ length: 20 }, (_, i) => ({
          shopId: shop.id, id: 1000 + i, name: `#${1000 + i}`, orderNumber: 1000 + i, email: `buyer${1000 + i}@example.com`,
          currency: 'SGD', totalPrice: '10.00', fulfillmentStatus: 'FULFILLED', createdAt: now, updatedAt: now,
        })),
      );
    }
    const runtime = createBotRuntime({
      db: database.db,
      logger: pino({ level: 'warn' }),
      authenticate: async () => ({ shopId: shopIds[0]!, actor: 'bench' }),
      catalog,
      // Generous lookup limits: the benchmark measures throughput, not the limiter refusing.
      orderLookupLimits: { perConversation: { max: 1_000_000, windowMs: 60_000 }, perShopAndIp: { max: 1_000_000, windowMs: 60_000 } },
    });
    server = createApp({ logger: pino({ level: 'warn' }), metrics: createMetrics({ defaultMetrics: false }), routes: [runtime.messagesRoute] });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;

    const send = (conversation: number, text: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify({
          type: 'message', channelId: 'bench', serviceUrl: 'http://127.0.0.1:9/', deliveryMode: 'expectReplies',
          conversation: { id: `bench-${conversation}` }, from: { id: `buyer-${conversation}` }, recipient: { id: 'bot' },
          text, channelData: { shopId: shopIds[conversation % shopIds.length] },
        });
        const started = performance.now();
        const req = http.request({ host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`HTTP ${res.statusCode}`))));
        });
        req.on('error', reject);
        req.end(body);
      });

    const conversations = Number(opts.conversations);
    const messages = Number(opts.messages);
    // Warm-up: first turn of every conversation (registration, model load per shop), not timed.
    await Promise.all(Array.from({ length: conversations }, (_, c) => send(c, 'hello')));
    const latencies: number[] = [];
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: conversations }, async (_, c) => {
        for (let m = 0; m < messages; m += 1) latencies.push(await send(c, LINES[(c + m) % LINES.length]!));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    await runtime.flush();
    latencies.sort((a, b) => a - b);
    const rssMb = process.memoryUsage().rss / 1024 / 1024;
    console.log(`bot benchmark: ${conversations} conversations x ${messages} messages over ${shopIds.length} shops (${runtime.services.models.size()} shop models loaded), Postgres ${database.engine}`);
    console.log(`default en model trained in ${(trainMs / 1000).toFixed(2)} s`);
    console.log(`throughput: ${(latencies.length / seconds).toFixed(0)} messages/s (${latencies.length} in ${seconds.toFixed(2)} s)`);
    console.log(`latency ms: p50 ${percentile(latencies, 50).toFixed(1)}  p95 ${percentile(latencies, 95).toFixed(1)}  p99 ${percentile(latencies, 99).toFixed(1)}  max ${(latencies.at(-1) ?? 0).toFixed(1)}`);
    console.log(`node CPU: ${((cpu.user + cpu.system) / 1000 / latencies.length).toFixed(2)} ms per message (server and load generator); machine load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
    console.log(`RSS: ${rssMb.toFixed(0)} MB (server and load generator in one process)`);
  } finally {
    agent.destroy();
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
