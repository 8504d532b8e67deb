/**
 * Time and memory to generate N demo orders as bulk JSONL.
 *   npx tsx connectors/shopify/demo-store/bench/generate-jsonl.bench.ts --orders 1000000 --customers 100000 [--via-fake]
 * --via-fake runs the same query through the fake Admin API's bulkOperationRunQuery instead of the direct writer.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL JSON answers are read loosely here; the fake's own code stays typed */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoStore, ORDERS_BULK_QUERY, writeOrdersBulkJsonl } from '..';
import { startFakeAdminApi } from '../../fake-admin-api';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function viaFake(orders: number, customers: number): Promise<{ objects: number; bytes: number }> {
  const fake = await startFakeAdminApi({ store: generateDemoStore({ seed: 'bench', orders, customers }), apiKey: 'k', apiSecret: 's', maxInMemoryOrders: 0, bulkMinRunMs: 0 });
  const headers = { 'content-type': 'application/json', 'x-shopify-access-token': fake.issueAccessToken() };
  const gql = async (query: string, variables = {}) => ((await (await fetch(fake.graphqlUrl(), { method: 'POST', headers, body: JSON.stringify({ query, variables }) })).json()) as any).data;
  await gql('mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { message } } }', { q: ORDERS_BULK_QUERY });
  let op: any;
  do {
    await new Promise((r) => setTimeout(r, 500));
    op = (await gql('{ currentBulkOperation { status objectCount fileSize } }')).currentBulkOperation;
  } while (op.status !== 'COMPLETED' && op.status !== 'FAILED');
  await fake.close();
  return { objects: Number(op.objectCount), bytes: Number(op.fileSize) };
}

async function main(): Promise<void> {
  const orders = Number(flag('orders', '1000000'));
  const customers = Number(flag('customers', String(Math.max(500, Math.round(orders / 10)))));
  const started = process.hrtime.bigint();
  let sampledPeak = 0;
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss)), 200);
  let result: { objects: number; bytes: number };
  if (process.argv.includes('--via-fake')) result = await viaFake(orders, customers);
  else {
    const path = join(tmpdir(), `demo-orders-${process.pid}.jsonl`);
    const out = createWriteStream(path);
    result = await writeOrdersBulkJsonl(generateDemoStore({ seed: 'bench', orders, customers }), out);
    out.end();
    await once(out, 'finish');
    await rm(path);
  }
  clearInterval(sampler);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`mode=${process.argv.includes('--via-fake') ? 'fake-bulk-operation' : 'direct-writer'} orders=${orders} customers=${customers} objects=${result.objects} bytes=${result.bytes}`);
  console.log(`seconds=${seconds.toFixed(1)} orders_per_second=${Math.round(orders / seconds)} peak_rss_mb=${maxRssMb.toFixed(0)} sampled_rss_mb=${(sampledPeak / 1048576).toFixed(0)}`);
}

void main();
