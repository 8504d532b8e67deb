/**
 * `npm run bench:sync -- --orders 1000000`: backfills N orders from bulk-operation JSONL into Postgres
 * with the production ingest, and in the same run COPYs the same rows into the same tables, so the two
 * are compared on one machine at one moment.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Command } from 'commander';
import { stringify } from 'csv-stringify';
import { from as copyFrom } from 'pg-copy-streams';
import { generateDemoStore, writeOrdersBulkJsonl } from '../connectors/shopify/demo-store';
import { ingestBulkJsonl } from '../connectors/shopify/sync';
import { lineItemFromGraphql, orderFromGraphql } from '../connectors/shopify/mirror';
import { fromGid } from '../connectors/shopify/app';
import { openDatabase, upsertShop } from '../db';
import { createScratchDatabase } from '../db/testing';

const options = new Command()
  .option('--orders <n>', 'orders to backfill', '200000')
  .option('--database-url <url>', 'PostgreSQL server (a scratch database is created on it)', 'postgres://postgres@127.0.0.1:5432/postgres')
  .parse()
  .opts<{ orders: string; databaseUrl: string }>();

const pgArray = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

async function main(): Promise<void> {
  const orders = Number(options.orders);
  const work = mkdtempSync(join(tmpdir(), 'storedesk-bench-sync-'));
  const scratch = await createScratchDatabase(options.databaseUrl, 'storedesk_bench');
  const database = await openDatabase({ url: scratch.url, poolSize: 4 });
  try {
    const shop = await upsertShop(database.db, { domain: 'bench.myshopify.com' });
    const jsonl = join(work, 'orders.jsonl');
    let t = performance.now();
    const store = generateDemoStore({ seed: 'bench', orders, customers: Math.max(500, Math.round(orders / 5)) });
    const written = await writeOrdersBulkJsonl(store, createWriteStream(jsonl));
    console.log(`prepared ${written.orders} orders, ${written.objects} JSONL objects, ${(written.bytes / 1e6).toFixed(0)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed below)`);

    // The same rows as CSV for COPY, mapped by the same code.
    const ordersCsv = join(work, 'orders.csv');
    const itemsCsv = join(work, 'items.csv');
    const orderOut = stringify();
    const itemOut = stringify();
    const done = Promise.all([pipeline(orderOut, createWriteStream(ordersCsv)), pipeline(itemOut, createWriteStream(itemsCsv))]);
    for await (const line of createInterface({ input: createReadStream(jsonl) })) {
      const node = JSON.parse(line);
      if (node.__parentId) {
        const li = lineItemFromGraphql(node, fromGid(node.__parentId)!);
        itemOut.write([shop.id, li.id, li.orderId, li.productId, li.variantId, li.title, li.sku, li.quantity, li.price]);
      } else {
        const o = orderFromGraphql(node);
        orderOut.write([shop.id, o.id, o.name, o.orderNumber, o.customerId, o.email, o.phone, o.financialStatus, o.fulfillmentStatus, o.currency,
          o.totalPrice, o.subtotalPrice, o.totalDiscounts, pgArray(o.discountCodes), pgArray(o.tags), o.clientIp, o.deviceId,
          o.shippingAddress && JSON.stringify(o.shippingAddress), o.billingAddress && JSON.stringify(o.billingAddress), JSON.stringify(o.fulfillments),
          o.sourceName, o.cancelledAt, o.cancelReason, o.processedAt, o.createdAt, o.updatedAt]);
      }
    }
    orderOut.end();
    itemOut.end();
    await done;

    t = performance.now();
    const ingest = await ingestBulkJsonl({ pool: database.pool, shopId: shop.id, resource: 'orders', lines: createReadStream(jsonl) });
    const ingestSeconds = (performance.now() - t) / 1000;

    await database.pool.query('TRUNCATE orders, order_line_items');
    await database.pool.query('VACUUM ANALYZE orders');
    const client = await database.pool.connect();
    t = performance.now();
    await pipeline(createReadStream(ordersCsv), client.query(copyFrom(`COPY orders (shop_id, id, name, order_number, customer_id, email, phone, financial_status, fulfillment_status, currency,
      total_price, subtotal_price, total_discounts, discount_codes, tags, client_ip, device_id, shipping_address, billing_address, fulfillments,
      source_name, cancelled_at, cancel_reason, processed_at, created_at, updated_at) FROM STDIN WITH (FORMAT csv)`)));
    await pipeline(createReadStream(itemsCsv), client.query(copyFrom('COPY order_line_items (shop_id, id, order_id, product_id, variant_id, title, sku, quantity, price) FROM STDIN WITH (FORMAT csv)')));
    const copySeconds = (performance.now() - t) / 1000;
    client.release();
    const copied = Number((await database.pool.query('SELECT count(*) FROM orders')).rows[0].count);

    console.log(`\nbackfill (production ingest, upserts): ${ingest.roots} orders + ${ingest.objects - ingest.roots} line items in ${ingestSeconds.toFixed(1)} s = ${Math.round(ingest.roots / ingestSeconds)} orders/s`);
    console.log(`plain COPY of the same rows:          ${copied} orders in ${copySeconds.toFixed(1)} s = ${Math.round(copied / copySeconds)} orders/s`);
    console.log(`ingest speed as a share of COPY:      ${((copySeconds / ingestSeconds) * 100).toFixed(0)}%`);
  } finally {
    await database.close();
    await scratch.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
