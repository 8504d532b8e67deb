import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { DemoStore, Order } from './types';

/**
 * The bulk query whose JSONL {@link writeOrdersBulkJsonl} writes directly. Running it through the fake's
 * `bulkOperationRunQuery` gives the same lines; this path just skips GraphQL for benchmarks.
 */
export const ORDERS_BULK_QUERY = `{
  orders {
    edges {
      node {
        id name email phone createdAt updatedAt cancelledAt cancelReason
        displayFinancialStatus displayFulfillmentStatus clientIp discountCodes tags
        customAttributes { key value }
        totalPriceSet { shopMoney { amount currencyCode } }
        customer { id }
        shippingAddress { countryCodeV2 zip city }
        lineItems { edges { node { id title quantity sku originalUnitPriceSet { shopMoney { amount currencyCode } } } } }
      }
    }
  }
}`;

function orderLines(o: Order): string {
  let out = JSON.stringify({
    id: o.id, name: o.name, email: o.email, phone: o.phone, createdAt: o.createdAt, updatedAt: o.updatedAt,
    cancelledAt: o.cancelledAt, cancelReason: o.cancelReason, displayFinancialStatus: o.displayFinancialStatus,
    displayFulfillmentStatus: o.displayFulfillmentStatus, clientIp: o.clientIp, discountCodes: o.discountCodes, tags: o.tags,
    customAttributes: o.customAttributes.map((a) => ({ key: a.key, value: a.value })),
    totalPriceSet: { shopMoney: { amount: o.totalPriceSet.shopMoney.amount, currencyCode: o.totalPriceSet.shopMoney.currencyCode } },
    customer: o.customerId ? { id: o.customerId } : null,
    shippingAddress: o.shippingAddress ? { countryCodeV2: o.shippingAddress.countryCodeV2, zip: o.shippingAddress.zip, city: o.shippingAddress.city } : null,
  }) + '\n';
  for (const li of o.lineItems) {
    out += JSON.stringify({
      id: li.id, title: li.title, quantity: li.quantity, sku: li.sku,
      originalUnitPriceSet: { shopMoney: { amount: li.originalUnitPriceSet.shopMoney.amount, currencyCode: li.originalUnitPriceSet.shopMoney.currencyCode } },
      __parentId: o.id,
    }) + '\n';
  }
  return out;
}

/** Streams the store's orders as bulk-operation JSONL for {@link ORDERS_BULK_QUERY}, honouring back-pressure. */
export async function writeOrdersBulkJsonl(store: DemoStore, out: Writable): Promise<{ orders: number; objects: number; bytes: number }> {
  let chunk = '';
  let orders = 0;
  let objects = 0;
  let bytes = 0;
  for (const o of store.orders()) {
    chunk += orderLines(o);
    orders++;
    objects += 1 + o.lineItems.length;
    if (chunk.length >= 1 << 20) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  if (chunk) {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  return { orders, objects, bytes };
}
