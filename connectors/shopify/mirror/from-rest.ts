import type { Fulfillment, MailingAddress } from '../../../db/schema';
import { DEVICE_ID_ATTRIBUTE, type CustomerRecord, type LineItemRecord, type OrderRecord } from './records';

/* eslint-disable @typescript-eslint/no-explicit-any -- webhook payloads are validated by the shape checks in process-webhook */
type Rest = Record<string, any>;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const tagList = (value: unknown): string[] =>
  typeof value === 'string' ? value.split(',').map((t) => t.trim()).filter(Boolean) : Array.isArray(value) ? value.map(String) : [];

function address(a: Rest | null | undefined): MailingAddress | null {
  if (!a) return null;
  return { name: a.name ?? null, address1: a.address1 ?? null, address2: a.address2 ?? null, city: a.city ?? null, province: a.province ?? null, zip: a.zip ?? null, countryCode: a.country_code ?? null, phone: a.phone ?? null };
}

/** An order from an `orders/create` or `orders/updated` webhook (REST JSON). */
export function orderFromRest(o: Rest): { order: OrderRecord; lineItems: LineItemRecord[] } {
  const attributes: Array<{ name: string; value: string }> = o.note_attributes ?? [];
  const fulfillments: Fulfillment[] = (o.fulfillments ?? []).map((f: Rest) => ({
    status: f.status ?? null,
    trackingCompany: f.tracking_company ?? null,
    trackingNumbers: f.tracking_numbers ?? (f.tracking_number ? [f.tracking_number] : []),
    trackingUrls: f.tracking_urls ?? (f.tracking_url ? [f.tracking_url] : []),
    createdAt: f.created_at ?? null,
  }));
  const id = Number(o.id);
  return {
    order: {
      id,
      name: String(o.name),
      orderNumber: o.order_number ?? null,
      customerId: o.customer?.id ? Number(o.customer.id) : null,
      email: text(o.email ?? o.contact_email),
      phone: text(o.phone),
      financialStatus: o.financial_status ? String(o.financial_status).toUpperCase() : null,
      fulfillmentStatus: o.fulfillment_status ? String(o.fulfillment_status).toUpperCase() : 'UNFULFILLED',
      currency: o.currency ?? 'SGD',
      totalPrice: String(o.total_price ?? '0'),
      subtotalPrice: o.subtotal_price ?? null,
      totalDiscounts: o.total_discounts ?? null,
      discountCodes: (o.discount_codes ?? []).map((d: Rest) => String(d.code)),
      tags: tagList(o.tags),
      clientIp: text(o.browser_ip ?? o.client_details?.browser_ip),
      deviceId: text(attributes.find((a) => a.name === DEVICE_ID_ATTRIBUTE)?.value),
      shippingAddress: address(o.shipping_address),
      billingAddress: address(o.billing_address),
      fulfillments,
      sourceName: text(o.source_name),
      cancelledAt: o.cancelled_at ?? null,
      cancelReason: o.cancel_reason ? String(o.cancel_reason).toUpperCase() : null,
      processedAt: o.processed_at ?? null,
      createdAt: o.created_at,
      updatedAt: o.updated_at ?? o.created_at,
    },
    lineItems: (o.line_items ?? []).map((li: Rest) => ({
      id: Number(li.id),
      orderId: id,
      productId: li.product_id ? Number(li.product_id) : null,
      variantId: li.variant_id ? Number(li.variant_id) : null,
      title: String(li.title ?? ''),
      sku: text(li.sku),
      quantity: Number(li.quantity ?? 0),
      price: String(li.price ?? '0'),
    })),
  };
}

/** A customer from a `customers/create` or `customers/update` webhook. */
export function customerFromRest(c: Rest): CustomerRecord {
  return {
    id: Number(c.id),
    email: text(c.email),
    phone: text(c.phone),
    firstName: text(c.first_name),
    lastName: text(c.last_name),
    state: c.state ? String(c.state).toUpperCase() : null,
    tags: tagList(c.tags),
    acceptsMarketing: c.email_marketing_consent?.state === 'subscribed' || c.accepts_marketing === true,
    amountSpent: c.total_spent ?? null,
    ordersCount: Number(c.orders_count ?? 0),
    birthday: null,
    defaultAddress: address(c.default_address),
    createdAt: c.created_at,
    updatedAt: c.updated_at ?? c.created_at,
  };
}
