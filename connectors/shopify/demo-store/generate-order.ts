import type { AbusePlan } from './abuse-plan';
import { CARRIERS, FIRST_NAMES, LAST_NAMES, USER_AGENTS } from './catalogue-data';
import { DISCOUNT_CODES, FIRST_ORDER_DISCOUNTS, GENERAL_CODES } from './discount-codes';
import { customerDevice } from './generate-customer';
import { gid, ID_BASE } from './ids';
import { clientIpFor, makeAddress } from './make-address';
import { bag, toCents } from './order-money';
import { Random, seedFor } from './random';
import type { Timeline } from './timeline';
import type { Customer, FinancialStatus, Fulfillment, FulfillmentStatus, LineItem, Order, Product } from './types';

/** What one order needs; `buyer` is already chosen by the caller, who tracks how often each customer bought. */
export interface OrderInput {
  seed: string;
  timeline: Timeline;
  plan: AbusePlan;
  products: Product[];
  currencyCode: string;
  index: number;
  createdMs: number;
  random: Random;
  buyer: { index: number; customer: Customer; previousOrders: number } | null;
}

const DAY = 86_400_000;

function lineItems(inp: OrderInput, r: Random, orderNumericId: number): LineItem[] {
  const count = r.pick([1, 1, 1, 2, 2, 3, 4]);
  const items: LineItem[] = [];
  const used = new Set<number>();
  for (let k = 0; k < count; k++) {
    const p = r.int(0, inp.products.length - 1);
    if (used.has(p)) continue;
    used.add(p);
    const product = inp.products[p]!;
    const variant = r.pick(product.variants);
    const quantity = r.chance(0.8) ? 1 : r.int(2, 3);
    const unit = toCents(variant.price);
    items.push({
      id: gid('LineItem', ID_BASE.lineItem + (orderNumericId - ID_BASE.order) * 8 + k),
      title: product.title,
      name: variant.title === 'Default Title' ? product.title : `${product.title} - ${variant.title}`,
      quantity,
      sku: variant.sku,
      vendor: product.vendor,
      variantTitle: variant.title,
      productId: product.id,
      variantId: variant.id,
      originalUnitPriceSet: bag(unit, inp.currencyCode),
      discountedTotalSet: bag(unit * quantity, inp.currencyCode),
    });
  }
  return items;
}

function statuses(r: Random, ageDays: number, cancelled: boolean): [FinancialStatus, FulfillmentStatus] {
  if (cancelled) return [r.chance(0.5) ? 'REFUNDED' : 'VOIDED', 'UNFULFILLED'];
  const u = r.next();
  const fin: FinancialStatus = u < 0.88 ? 'PAID' : u < 0.91 ? 'REFUNDED' : u < 0.94 ? 'PARTIALLY_REFUNDED' : u < 0.97 ? 'PENDING' : 'AUTHORIZED';
  if (fin === 'PENDING' || fin === 'AUTHORIZED') return [fin, 'UNFULFILLED'];
  if (ageDays < 3) return [fin, r.chance(0.6) ? 'UNFULFILLED' : 'IN_PROGRESS'];
  const v = r.next();
  return [fin, v < 0.95 ? 'FULFILLED' : v < 0.97 ? 'PARTIALLY_FULFILLED' : 'UNFULFILLED'];
}

/** Builds order number `index`; deterministic for the same input. */
export function generateOrder(inp: OrderInput): Order {
  const r = inp.random;
  const numericId = ID_BASE.order + inp.index + 1;
  const ring = inp.plan.orderRing.get(inp.index);
  const ringPlan = ring ? inp.plan.rings[ring[0]] : undefined;
  const customer = inp.buyer?.customer ?? null;
  const guestFirst = r.pick(FIRST_NAMES);
  const guestLast = r.pick(LAST_NAMES);
  const ownAddress = customer?.defaultAddress && (ringPlan || r.chance(0.85));
  const address = ownAddress
    ? customer!.defaultAddress!
    : makeAddress(r, customer?.firstName ?? guestFirst, customer?.lastName ?? guestLast, ID_BASE.address + 5_000_000_000 + inp.index, r.chance(0.75));
  const country = address.countryCodeV2;

  const homeIp = clientIpFor(new Random(seedFor(inp.seed, 11, inp.buyer?.index ?? -1 - inp.index)), country);
  const clientIp = ringPlan ? ringPlan.clientIp : r.chance(0.7) ? homeIp : clientIpFor(r, country);
  const deviceId = ringPlan ? ringPlan.deviceId : customerDevice(inp.seed, inp.buyer?.index ?? 1_000_000_000 + inp.index, r.chance(0.2));

  const items = lineItems(inp, r, numericId);
  const subtotal = items.reduce((s, li) => s + toCents(li.discountedTotalSet.shopMoney.amount), 0);
  const firstOrder = inp.buyer !== null && inp.buyer.previousOrders === 0;
  let discount = ringPlan ? DISCOUNT_CODES.find((d) => d.code === ringPlan.discountCode) : undefined;
  if (!discount && firstOrder && r.chance(0.35)) discount = r.pick(FIRST_ORDER_DISCOUNTS);
  if (!discount && !firstOrder && r.chance(inp.buyer ? 0.18 : 0.1)) discount = r.pick(GENERAL_CODES);
  const discountCents = discount ? Math.round((subtotal * discount.percent) / 100) : 0;
  const shippingCents = discount?.freeShipping || (country === 'SG' && subtotal >= 6000) ? 0 : country === 'SG' ? 400 : r.int(15, 25) * 100;
  const total = subtotal - discountCents + shippingCents;
  const tax = country === 'SG' ? Math.round((total * 9) / 109) : 0;

  const ageDays = (inp.timeline.endMs - inp.createdMs) / DAY;
  const cancelled = !ringPlan && r.chance(0.04);
  const [fin, ful] = statuses(r, ageDays, cancelled);
  const createdAt = new Date(inp.createdMs).toISOString();
  let updatedMs = inp.createdMs + r.int(0, 120) * 1000;
  const fulfillments: Fulfillment[] = [];
  if (ful === 'FULFILLED' || ful === 'PARTIALLY_FULFILLED') {
    const carrier = country === 'SG' ? CARRIERS[r.int(0, 1)]! : CARRIERS[2]!;
    const number = `${carrier.prefix}${r.digits(10)}`;
    const at = inp.createdMs + r.int(6, 72) * 3_600_000;
    updatedMs = Math.max(updatedMs, at);
    fulfillments.push({ id: gid('Fulfillment', ID_BASE.fulfillment + inp.index + 1), status: 'SUCCESS', createdAt: new Date(at).toISOString(), trackingInfo: [{ company: carrier.company, number, url: carrier.url(number) }] });
  }
  let cancelledAt: string | null = null;
  if (cancelled) {
    const at = inp.createdMs + r.int(1, 48) * 3_600_000;
    updatedMs = Math.max(updatedMs, at);
    cancelledAt = new Date(at).toISOString();
  }
  const updatedAt = new Date(Math.min(updatedMs, inp.timeline.endMs)).toISOString();
  return {
    id: gid('Order', numericId),
    legacyResourceId: String(numericId),
    name: `#${1001 + inp.index}`,
    email: customer ? customer.email : `${guestFirst}.${guestLast}${r.int(1, 999)}@example.com`.toLowerCase().replace(/ /g, ''),
    phone: customer ? customer.phone : null,
    createdAt,
    updatedAt,
    processedAt: createdAt,
    cancelledAt,
    cancelReason: cancelled ? r.pick(['CUSTOMER', 'CUSTOMER', 'INVENTORY', 'FRAUD', 'DECLINED'] as const) : null,
    closedAt: ful === 'FULFILLED' && fin === 'PAID' ? updatedAt : null,
    displayFinancialStatus: fin,
    displayFulfillmentStatus: ful,
    currencyCode: inp.currencyCode,
    clientIp,
    sourceName: 'web',
    test: false,
    note: r.chance(0.03) ? 'Please leave the parcel at the door' : null,
    tags: r.chance(0.05) ? ['gift'] : [],
    discountCodes: discount ? [discount.code] : [],
    customAttributes: [
      { key: 'storedesk_device_id', value: deviceId },
      { key: 'storedesk_browser', value: USER_AGENTS[seedFor(deviceId) % USER_AGENTS.length]! },
    ],
    customerId: customer ? customer.id : null,
    shippingAddress: address,
    billingAddress: address,
    subtotalPriceSet: bag(subtotal, inp.currencyCode),
    totalDiscountsSet: bag(discountCents, inp.currencyCode),
    totalShippingPriceSet: bag(shippingCents, inp.currencyCode),
    totalTaxSet: bag(tax, inp.currencyCode),
    totalPriceSet: bag(total, inp.currencyCode),
    lineItems: items,
    fulfillments,
  };
}
