import { legacyId, type Customer, type MailingAddress, type Order } from '../demo-store';

function address(a: MailingAddress | null): unknown {
  if (!a) return null;
  return {
    first_name: a.firstName, last_name: a.lastName, name: a.name, company: a.company, address1: a.address1, address2: a.address2,
    city: a.city, province: a.province, province_code: a.provinceCode, country: a.country, country_code: a.countryCodeV2, zip: a.zip, phone: a.phone,
  };
}

/** A customer as REST webhooks (`customers/create`, `customers/update`) carry it. */
export function customerToRest(c: Customer): Record<string, unknown> {
  return {
    id: legacyId(c.id),
    email: c.email,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    first_name: c.firstName,
    last_name: c.lastName,
    state: c.state.toLowerCase(),
    note: c.note,
    verified_email: c.verifiedEmail,
    phone: c.phone,
    tags: c.tags.join(', '),
    currency: 'SGD',
    addresses: c.addresses.map((a, i) => ({ id: legacyId(a.id), customer_id: legacyId(c.id), ...(address(a) as object), default: i === 0 })),
    default_address: c.defaultAddress ? { id: legacyId(c.defaultAddress.id), customer_id: legacyId(c.id), ...(address(c.defaultAddress) as object), default: true } : null,
    admin_graphql_api_id: c.id,
  };
}

const money = (m: { shopMoney: { amount: string } }) => m.shopMoney.amount;

/** An order as REST webhooks (`orders/create`, `orders/updated`) carry it: numeric ids, snake_case, money as strings. */
export function orderToRest(o: Order, customer: Customer | null): Record<string, unknown> {
  return {
    id: legacyId(o.id),
    admin_graphql_api_id: o.id,
    name: o.name,
    order_number: Number(o.name.replace('#', '')),
    email: o.email,
    contact_email: o.email,
    phone: o.phone,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    processed_at: o.processedAt,
    cancelled_at: o.cancelledAt,
    cancel_reason: o.cancelReason?.toLowerCase() ?? null,
    closed_at: o.closedAt,
    financial_status: o.displayFinancialStatus.toLowerCase(),
    fulfillment_status: o.displayFulfillmentStatus === 'FULFILLED' ? 'fulfilled' : o.displayFulfillmentStatus === 'PARTIALLY_FULFILLED' ? 'partial' : null,
    currency: o.currencyCode,
    browser_ip: o.clientIp,
    client_details: { browser_ip: o.clientIp, user_agent: o.customAttributes.find((a) => a.key === 'storedesk_browser')?.value ?? null },
    note: o.note,
    note_attributes: o.customAttributes.map((a) => ({ name: a.key, value: a.value })),
    tags: o.tags.join(', '),
    test: o.test,
    source_name: o.sourceName,
    discount_codes: o.discountCodes.map((code) => ({ code, amount: money(o.totalDiscountsSet), type: 'percentage' })),
    subtotal_price: money(o.subtotalPriceSet),
    total_discounts: money(o.totalDiscountsSet),
    total_tax: money(o.totalTaxSet),
    total_price: money(o.totalPriceSet),
    customer: customer ? customerToRest(customer) : null,
    shipping_address: address(o.shippingAddress),
    billing_address: address(o.billingAddress),
    line_items: o.lineItems.map((li) => ({
      id: legacyId(li.id), admin_graphql_api_id: li.id, title: li.title, name: li.name, quantity: li.quantity, sku: li.sku, vendor: li.vendor,
      variant_title: li.variantTitle, product_id: legacyId(li.productId), variant_id: legacyId(li.variantId), price: money(li.originalUnitPriceSet),
    })),
    fulfillments: o.fulfillments.map((f) => ({
      id: legacyId(f.id), admin_graphql_api_id: f.id, status: f.status.toLowerCase(), created_at: f.createdAt,
      tracking_company: f.trackingInfo[0]?.company ?? null, tracking_number: f.trackingInfo[0]?.number ?? null,
      tracking_numbers: f.trackingInfo.map((t) => t.number), tracking_urls: f.trackingInfo.map((t) => t.url),
    })),
  };
}
