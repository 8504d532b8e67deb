/*
 * Bot benchmark: npm run bench:bot -- [--database-url URL] [--conversations 64] [--messages 60] [--shops 10] [--pool N]
 *                                     [--server-node-args "--cpu-prof --cpu-prof-dir=/tmp/prof"]
 *
 *                                     [--rate 1000]
 *
 * N concurrent conversations talk to POST /api/messages with deliveryMode expectReplies, spread over
 * --shops shops that each serve their own stored model (so RSS counts that many models loaded). State,
 * transcripts, corpus and rate limits live in a scratch database created on the given server and
 * dropped afterwards. The bot server runs in its own process, as in production (models trained
 * elsewhere, loaded from their rows); this process sets up the data and generates the load over
 * keep-alive connections, so the figures for CPU and RSS are the server's alone.
 * Without --rate, each conversation sends its next message as soon as it has the reply (closed loop: the
 * highest throughput, and latency = conversations / throughput). With --rate, messages are offered at that
 * rate whatever the server does (open loop: the latency buyers see at that load).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
import { KeepAliveClient } from './keep-alive-client';

const program = new Command()
  .option('--database-url <url>', 'PostgreSQL server (a scratch database is created on it)', 'postgres://postgres@127.0.0.1:5432/postgres')
  .option('--conversations <n>', 'concurrent conversations', '32')
  .option('--messages <n>', 'messages per conversation', '60')
  .option('--shops <n>', 'shops, each with its own loaded model', '10')
  .option('--pool <n>', 'database pool size of the server', '16')
  .option('--off-topic', 'make every tenth line one the models are unsure of, so it goes through the sentence encoder')
  .option('--rate <n>', 'open loop: offer this many messages per second in all (latency counts from when each was due); 0 sends each as soon as the last reply came', '0')
  .option('--server-node-args <args>', 'extra node flags for the server process (e.g. --cpu-prof), after the heap flags of npm start', '')
  .option('--role <role>', '(internal) run as the bot server process')
  .parse();
const opts = program.opts<{ databaseUrl: string; conversations: string; messages: string; shops: string; pool: string; rate: string; serverNodeArgs: string; offTopic?: boolean; role?: string }>();

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
// Lines the English models are unsure of: each is encoded by the sentence encoder before the bot says it is unsure.
const OFF_TOPIC = ['xylophone quantum giraffe', 'what do penguins eat in winter', 'is it going to rain in the afternoon', 'who won the football last night', 'tell me about the history of Rome', 'my cat keeps sneezing'];

type ServerStats = { rssMb: number; heapMb: number; liveMb?: number; cpuMs: number; systemMs: number; queries: number; models: number; engine: string };
type ToServer = { type: 'mark' } | { type: 'stats' } | { type: 'stop' };
type FromServer = { type: 'ready'; port: number } | { type: 'marked' } | ({ type: 'stats' } & ServerStats) | { type: 'stopped' };

/** The V8 heap flags `npm start` gives the server, so the benchmark's server runs with the same heap. */
function productionHeapFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(`${__dirname}/../package.json`, 'utf8')) as { scripts: { start: string } };
  return scripts.start.split(/\s+/).filter((arg) => /^--(max-semi-space-size|heap-growing-percent|max-old-space-size)=/.test(arg));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The bot server: opens the scratch database, serves /api/messages and answers the parent's requests for figures. */
async function serve(): Promise<void> {
  const { url, shopIds } = JSON.parse(process.env.STOREDESK_BENCH_SERVER!) as { url: string; shopIds: string[] };
  const database = await openDatabase({ url, poolSize: Number(opts.pool), migrate: false });
  // Counts statements sent through the pool, the figure that decides how far one Postgres goes.
  let queries = 0;
  const query = database.pool.query.bind(database.pool) as (...args: unknown[]) => unknown;
  (database.pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    queries += 1;
    return query(...args);
  };
  const runtime = createBotRuntime({
    db: database.db,
    logger: pino({ level: 'warn' }),
    authenticate: async () => ({ shopId: shopIds[0]!, actor: 'bench' }),
    // Generous lookup limits: the benchmark measures throughput, not the limiter refusing.
    orderLookupLimits: { perConversation: { max: 1_000_000, windowMs: 60_000 }, perShopAndIp: { max: 1_000_000, windowMs: 60_000 } },
  });
  const server = createApp({ logger: pino({ level: 'warn' }), metrics: createMetrics({ defaultMetrics: false }), routes: [runtime.messagesRoute] });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let cpuMark = process.cpuUsage();
  const reply = (message: FromServer) => process.send!(message);
  process.on('message', async (message: ToServer) => {
    if (message.type === 'mark') {
      cpuMark = process.cpuUsage();
      queries = 0;
      reply({ type: 'marked' });
    } else if (message.type === 'stats') {
      await runtime.flush();
      const cpu = process.cpuUsage(cpuMark);
      const memory = process.memoryUsage();
      // With --server-node-args --expose-gc, also tells how much of the heap is live.
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      const liveMb = gc ? process.memoryUsage().heapUsed / 2 ** 20 : undefined;
      reply({ type: 'stats', rssMb: memory.rss / 2 ** 20, heapMb: memory.heapUsed / 2 ** 20, liveMb, cpuMs: (cpu.user + cpu.system) / 1000, systemMs: cpu.system / 1000, queries, models: runtime.services.models.size(), engine: database.engine });
    } else {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.flush();
      await database.close();
      reply({ type: 'stopped' });
      process.disconnect();
    }
  });
  reply({ type: 'ready', port: (server.address() as AddressInfo).port });
}

function ask(child: ChildProcess, message: ToServer | undefined, answer: FromServer['type']): Promise<FromServer> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromServer) => {
      if (m.type !== answer) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m);
    };
    const onExit = (code: number | null) => reject(new Error(`bot server exited (${code}) before sending ${answer}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (message) child.send(message);
  });
}

/** CPU ms used so far by the Postgres backends serving `database`, when the server runs on this machine. */
async function postgresCpuMs(admin: Client, database: string): Promise<number | undefined> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return undefined;
    }
  }
  // Linux reports in clock ticks of 10 ms.
  return ticks * 10;
}

async function seed(url: string): Promise<{ shopIds: string[]; trainMs: number }> {
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    const catalog = loadDefaultCatalog();
    const trainStarted = performance.now();
    const model = await trainIntentModel(catalogTrainingExamples(catalog, 'en'), { lang: 'en' });
    const trainMs = performance.now() - trainStarted;
    const json = model.toJSON();
    const shopIds: string[] = [];
    for (let s = 0; s < Number(opts.shops); s += 1) {
      const shop = await upsertShop(database.db, { domain: `bench-${s}.myshopify.com`, name: `Bench ${s}` });
      shopIds.push(shop.id);
      // A stored model per shop: each is loaded from its own JSON row, as a promoted model would be.
      await storeActiveModel(database.db, { shopId: shop.id, language: 'en', model: json });
      const now = new Date();
      await database.db.insert(schema.orders).values(
        Array.from({ length: 20 }, (_, i) => ({
          shopId: shop.id, id: 1000 + i, name: `#${1000 + i}`, orderNumber: 1000 + i, email: `buyer${1000 + i}@example.com`,
          currency: 'SGD', totalPrice: '10.00', fulfillmentStatus: 'FULFILLED', createdAt: now, updatedAt: now,
        })),
      );
    }
    return { shopIds, trainMs };
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const name = `storedesk_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: opts.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(opts.databaseUrl);
  url.pathname = `/${name}`;
  const conversations = Number(opts.conversations);
  let clients: KeepAliveClient[] = [];
  let child: ChildProcess | undefined;
  try {
    const { shopIds, trainMs } = await seed(url.toString());
    const serverArgs = [...productionHeapFlags(), ...opts.serverNodeArgs.split(/\s+/).filter(Boolean)];
    child = fork(__filename, ['--role', 'server', '--pool', opts.pool], {
      execArgv: [...process.execArgv, ...serverArgs],
      env: { ...process.env, STOREDESK_BENCH_SERVER: JSON.stringify({ url: url.toString(), shopIds }) },
    });
    const { port } = (await ask(child, undefined, 'ready')) as { port: number };

    const outcomes = { answered: 0, quiet: 0 };
    // One keep-alive connection per conversation, as one buyer's client would hold.
    clients = Array.from({ length: conversations }, () => new KeepAliveClient('127.0.0.1', port, '/api/messages'));
    const send = async (conversation: number, text: string): Promise<number> => {
      const body = JSON.stringify({
        type: 'message', channelId: 'bench', serviceUrl: 'http://127.0.0.1:9/', deliveryMode: 'expectReplies',
        conversation: { id: `bench-${conversation}` }, from: { id: `buyer-${conversation}` }, recipient: { id: 'bot' },
        text, channelData: { shopId: shopIds[conversation % shopIds.length] },
      });
      const started = performance.now();
      const { status, bodyBytes } = await clients[conversation]!.post(body);
      if (status !== 200) throw new Error(`HTTP ${status}`);
      // An empty activity list is a quiet turn (a person owns the conversation).
      if (bodyBytes > 20) outcomes.answered += 1;
      else outcomes.quiet += 1;
      return performance.now() - started;
    };

    const messages = Number(opts.messages);
    // Warm-up: first turn of every conversation (registration, model load per shop), not timed.
    await Promise.all(Array.from({ length: conversations }, (_, c) => send(c, 'hello')));
    // An off-topic line makes the English models consult the sentence encoder, so the RSS figures include it.
    await send(0, 'xylophone quantum giraffe');
    outcomes.answered = 0;
    outcomes.quiet = 0;
    const idle = (await ask(child, { type: 'stats' }, 'stats')) as ServerStats;
    await ask(child, { type: 'mark' }, 'marked');
    const pgBefore = await postgresCpuMs(admin, name);
    const latencies: number[] = [];
    const load0 = loadavg()[0]!;
    const rate = Number(opts.rate);
    const clientCpu = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: conversations }, async (_, c) => {
        for (let m = 0; m < messages; m += 1) {
          const text = opts.offTopic && (c + m) % 10 === 9 ? OFF_TOPIC[(c + m) % OFF_TOPIC.length]! : LINES[(c + m) % LINES.length]!;
          if (rate <= 0) {
            latencies.push(await send(c, text));
            continue;
          }
          // Message k of the whole run is due at k / rate; a buyer still waiting for a reply sends late,
          // and that wait counts in the latency (no coordinated omission).
          const due = started + ((m * conversations + c) * 1000) / rate;
          const wait = due - performance.now();
          if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
          const took = await send(c, text);
          latencies.push(Math.max(took, performance.now() - due));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const clientCpuUsed = process.cpuUsage(clientCpu);
    const clientMsPerMessage = (clientCpuUsed.user + clientCpuUsed.system) / 1000 / latencies.length;
    const stats = (await ask(child, { type: 'stats' }, 'stats')) as ServerStats;
    const pgAfter = await postgresCpuMs(admin, name);
    const pgPerMessage = pgBefore !== undefined && pgAfter !== undefined ? `${((pgAfter - pgBefore) / latencies.length).toFixed(2)} ms` : 'not measurable (remote server)';
    latencies.sort((a, b) => a - b);
    const mode = rate > 0 ? `open loop at ${rate} messages/s offered` : 'closed loop (each conversation sends as soon as it has its reply)';
    console.log(`bot benchmark: ${conversations} conversations x ${messages} messages over ${shopIds.length} shops (${stats.models} shop models loaded), ${mode}, Postgres ${stats.engine}, pool ${opts.pool}, server flags ${serverArgs.join(' ') || 'none'}`);
    console.log(`default en model trained in ${(trainMs / 1000).toFixed(2)} s (setup process, not the server)`);
    console.log(`throughput: ${(latencies.length / seconds).toFixed(0)} messages/s (${latencies.length} in ${seconds.toFixed(2)} s; ${outcomes.answered} answered, ${outcomes.quiet} quiet during handoff)`);
    console.log(`latency ms: p50 ${percentile(latencies, 50).toFixed(1)}  p95 ${percentile(latencies, 95).toFixed(1)}  p99 ${percentile(latencies, 99).toFixed(1)}  max ${(latencies.at(-1) ?? 0).toFixed(1)}`);
    console.log(`server CPU: ${(stats.cpuMs / latencies.length).toFixed(2)} ms per message (${(stats.systemMs / latencies.length).toFixed(2)} in the kernel); ${(stats.queries / latencies.length).toFixed(2)} statements per message; Postgres CPU ${pgPerMessage} per message; load generator CPU ${clientMsPerMessage.toFixed(2)} ms per message; machine load average ${load0.toFixed(1)} -> ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
    console.log(`server RSS: ${stats.rssMb.toFixed(0)} MB after the run (heap used ${stats.heapMb.toFixed(0)} MB${stats.liveMb === undefined ? '' : `, ${stats.liveMb.toFixed(0)} MB live`}); ${idle.rssMb.toFixed(0)} MB after warm-up with the models loaded`);
  } finally {
    for (const client of clients) client.close();
    if (child?.connected) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      await ask(child, { type: 'stop' }, 'stopped').catch(() => undefined);
      // Let it exit by itself (a --cpu-prof profile is written at exit); kill it only if it hangs.
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    }
    if (child && child.exitCode === null) child.kill();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

if (opts.role === 'server') {
  serve().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
