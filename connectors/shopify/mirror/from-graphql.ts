import type { Fulfillment, MailingAddress } from '../../../db/schema';
import { fromGid } from '../app';
import { DEVICE_ID_ATTRIBUTE, type CustomerRecord, type LineItemRecord, type OrderRecord, type ProductRecord } from './records';

/* The GraphQL shapes below are the fields our queries ask for (see queries.ts). */
type Money = { shopMoney?: { amount?: string; currencyCode?: string } } | null | undefined;
type GqlAddress = { name?: string | null; address1?: string | null; address2?: string | null; city?: string | null; province?: string | null; zip?: string | null; countryCodeV2?: string | null; phone?: string | null } | null | undefined;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const amount = (money: Money): string | null => money?.shopMoney?.amount ?? null;

function address(a: GqlAddress): MailingAddress | null {
  if (!a) return null;
  return { name: a.name ?? null, address1: a.address1 ?? null, address2: a.address2 ?? null, city: a.city ?? null, province: a.province ?? null, zip: a.zip ?? null, countryCode: a.countryCodeV2 ?? null, phone: a.phone ?? null };
}

/** An order node from a query or a bulk JSONL line. */
export function orderFromGraphql(node: Record<string, any>): OrderRecord { // eslint-disable-line @typescript-eslint/no-explicit-any
  const attributes: Array<{ key: string; value: string | null }> = node.customAttributes ?? [];
  const fulfillments: Fulfillment[] = (node.fulfillments ?? []).map((f: Record<string, any>) => ({ // eslint-disable-line @typescript-eslint/no-explicit-any
    status: f.status ?? null,
    trackingCompany: f.trackingInfo?.[0]?.company ?? null,
    trackingNumbers: (f.trackingInfo ?? []).map((t: { number?: string }) => t.number).filter(Boolean),
    trackingUrls: (f.trackingInfo ?? []).map((t: { url?: string }) => t.url).filter(Boolean),
    createdAt: f.createdAt ?? null,
  }));
  const number = /(\d+)/.exec(String(node.name ?? ''))?.[1];
  return {
    id: fromGid(node.id)!,
    name: String(node.name),
    orderNumber: number ? Number(number) : null,
    customerId: fromGid(node.customer?.id),
    email: text(node.email),
    phone: text(node.phone),
    financialStatus: node.displayFinancialStatus ?? null,
    fulfillmentStatus: node.displayFulfillmentStatus ?? null,
    currency: node.currencyCode ?? node.totalPriceSet?.shopMoney?.currencyCode ?? 'SGD',
    totalPrice: amount(node.totalPriceSet) ?? '0',
    subtotalPrice: amount(node.subtotalPriceSet),
    totalDiscounts: amount(node.totalDiscountsSet),
    discountCodes: node.discountCodes ?? [],
    tags: node.tags ?? [],
    clientIp: text(node.clientIp),
    deviceId: text(attributes.find((a) => a.key === DEVICE_ID_ATTRIBUTE)?.value),
    shippingAddress: address(node.shippingAddress),
    billingAddress: address(node.billingAddress),
    fulfillments,
    sourceName: text(node.sourceName),
    cancelledAt: node.cancelledAt ?? null,
    cancelReason: node.cancelReason ?? null,
    processedAt: node.processedAt ?? null,
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
  };
}

/** A line item node; `orderId` comes from the parent (the edge's order, or `__parentId` in bulk JSONL). */
export function lineItemFromGraphql(node: Record<string, any>, orderId: number): LineItemRecord { // eslint-disable-line @typescript-eslint/no-explicit-any
  return {
    id: fromGid(node.id)!,
    orderId,
    productId: fromGid(node.product?.id),
    variantId: fromGid(node.variant?.id),
    title: String(node.title ?? ''),
    sku: text(node.sku),
    quantity: Number(node.quantity ?? 0),
    price: amount(node.originalUnitPriceSet) ?? '0',
  };
}

export function customerFromGraphql(node: Record<string, any>): CustomerRecord { // eslint-disable-line @typescript-eslint/no-explicit-any
  return {
    id: fromGid(node.id)!,
    email: text(node.defaultEmailAddress?.emailAddress ?? node.email),
    phone: text(node.defaultPhoneNumber?.phoneNumber ?? node.phone),
    firstName: text(node.firstName),
    lastName: text(node.lastName),
    state: node.state ?? null,
    tags: node.tags ?? [],
    acceptsMarketing: node.defaultEmailAddress?.marketingState === 'SUBSCRIBED',
    amountSpent: node.amountSpent?.amount ?? null,
    ordersCount: Number(node.numberOfOrders ?? 0),
    birthday: text(node.birthDate?.value),
    defaultAddress: address(node.defaultAddress),
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
  };
}

export function productFromGraphql(node: Record<string, any>): ProductRecord { // eslint-disable-line @typescript-eslint/no-explicit-any
  return {
    id: fromGid(node.id)!,
    title: String(node.title ?? ''),
    productType: text(node.productType),
    vendor: text(node.vendor),
    tags: node.tags ?? [],
    status: node.status ?? null,
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
  };
}
