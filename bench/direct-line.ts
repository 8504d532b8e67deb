import { createScratchDatabase } from '../db/testing';
/*
 * Direct Line round trip: npm run bench:direct-line -- [--database-url URL] [--conversations 20] [--messages 25]
 *
 * Each conversation posts messages one after another through the built-in Direct Line, with a small
 * echo bot, and times each from the POST until the bot's reply arrives on the conversation's WebSocket.
 * Without --database-url it runs on in-memory embedded PGlite; with one, on a scratch database of that
 * server (dropped afterwards), where sockets are woken through LISTEN/NOTIFY as well.
 */
import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import WebSocket from 'ws';
import { createDirectLineChannel } from '../bot/channels';
import { EchoBot, startTestServer } from '../bot/channels/testing';
import { openDatabase, upsertShop } from '../db';

const opts = new Command()
  .option('--database-url <url>', 'PostgreSQL server (a scratch database is created on it); embedded PGlite when absent')
  .option('--conversations <n>', 'concurrent conversations', '20')
  .option('--messages <n>', 'messages per conversation', '25')
  .parse()
  .opts<{ databaseUrl?: string; conversations: string; messages: string }>();

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const scratch = opts.databaseUrl ? await createScratchDatabase(opts.databaseUrl, 'storedesk_bench') : undefined;
  const database = await openDatabase({ url: scratch?.url, poolSize: 10 });
  await upsertShop(database.db, { domain: 'bench.myshopify.com' });
  const bot = new EchoBot();
  const channel = await createDirectLineChannel({
    database,
    encryptionKey: randomBytes(32).toString('hex'),
    logic: (context) => bot.run(context),
    rates: { generatePerIp: { limit: 1e6, windowMs: 60_000 }, perIp: { limit: 1e7, windowMs: 60_000 }, perConversation: { limit: 1e6, windowMs: 60_000 } },
  });
  const app = await startTestServer([channel.routes]);
  const base = `${app.base}/v3/directline`;
  const conversations = Number(opts.conversations);
  const messages = Number(opts.messages);
  const latencies: number[] = [];

  const converse = async (n: number) => {
    const json = { 'content-type': 'application/json' };
    const generated = (await (await fetch(`${base}/tokens/generate`, { method: 'POST', headers: json, body: JSON.stringify({ shop: 'bench.myshopify.com' }) })).json()) as { token: string };
    const started = (await (await fetch(`${base}/conversations`, { method: 'POST', headers: { ...json, authorization: `Bearer ${generated.token}` } })).json()) as { token: string; conversationId: string; streamUrl: string };
    const socket = new WebSocket(started.streamUrl);
    const waiting = new Map<string, () => void>();
    socket.on('message', (data) => {
      const text = String(data);
      if (!text) return;
      for (const activity of JSON.parse(text).activities) waiting.get(activity.text)?.();
    });
    await new Promise((resolve) => socket.once('open', resolve));
    for (let i = 0; i < messages; i += 1) {
      const said = `c${n} m${i}`;
      const replied = new Promise<void>((resolve) => waiting.set(`You said: ${said}`, resolve));
      const t0 = performance.now();
      const res = await fetch(`${base}/conversations/${started.conversationId}/activities`, {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${started.token}` },
        body: JSON.stringify({ type: 'message', text: said, from: { id: 'u' } }),
      });
      if (!res.ok) throw new Error(`post failed: ${res.status}`);
      await replied;
      latencies.push(performance.now() - t0);
    }
    socket.close();
  };

  const t0 = performance.now();
  await Promise.all(Array.from({ length: conversations }, (_, n) => converse(n)));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(`engine: ${database.engine}, conversations: ${conversations}, messages: ${latencies.length}`);
  console.log(`throughput: ${(latencies.length / seconds).toFixed(0)} messages/s (each: store, bot turn, reply stored, socket push)`);
  console.log(`round trip POST -> reply on WebSocket: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
  await channel.close();
  await app.close();
  await database.close();
  await scratch?.drop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
