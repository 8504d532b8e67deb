import type { schema } from '../../db';
import type { AccountEvent, OrderEvent } from '../events';
import { runPrepared, type Queryable } from '../store';

interface OrderRow {
  id: string;
  customer_id: string | null;
  email: string | null;
  phone: string | null;
  financial_status: string | null;
  total_price: string;
  discount_codes: string[];
  client_ip: string | null;
  device_id: string | null;
  shipping_address: schema.MailingAddress | null;
  billing_address: schema.MailingAddress | null;
  created_at: Date;
  customer_email: string | null;
  customer_phone: string | null;
}

function address(value: schema.MailingAddress | null): Record<string, string> | undefined {
  if (!value) return undefined;
  const parts = { address1: value.address1, address2: value.address2, city: value.city, zip: value.zip, country: value.countryCode };
  const present = Object.entries(parts).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  return present.length > 0 ? Object.fromEntries(present) : undefined;
}

/** The mirrored order as a risk event, or undefined when it has not been mirrored (yet). */
export async function orderEventFromMirror(
  db: Queryable,
  shopId: string,
  orderId: number,
): Promise<{ event: OrderEvent; customerId?: number; name?: string; verdictId: string | null } | undefined> {
  // The verdict id rides along so that scoring needs no separate "scored already?" round trip.
  const { rows } = await runPrepared<OrderRow & { name: string; verdict_id: string | null }>(
    db,
    'order_from_mirror',
    `SELECT o.id, o.name, o.customer_id, o.email, o.phone, o.financial_status, o.total_price, o.discount_codes, o.client_ip,
             o.device_id, o.shipping_address, o.billing_address, o.created_at, c.email AS customer_email, c.phone AS customer_phone,
             v.id AS verdict_id
           FROM orders o LEFT JOIN customers c ON c.shop_id = o.shop_id AND c.id = o.customer_id
           LEFT JOIN risk_verdicts v ON v.shop_id = o.shop_id AND v.subject_type = 'order' AND v.subject_id = o.id::text
           WHERE o.shop_id = $1 AND o.id = $2`,
    [shopId, orderId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const shipping = row.shipping_address;
  const billing = row.billing_address;
  const event: OrderEvent = {
    type: 'order',
    at: row.created_at.getTime(),
    order: String(row.id),
    account: row.customer_id === null ? undefined : String(row.customer_id),
    amount: Number(row.total_price),
    device: row.device_id ?? undefined,
    ip: row.client_ip ?? undefined,
    email: row.email ?? row.customer_email ?? undefined,
    discountCode: row.discount_codes[0],
    attrs: {
      phone: row.phone ?? row.customer_phone ?? shipping?.phone ?? undefined,
      shippingAddress: address(shipping),
      billingAddress: address(billing),
      shippingCountry: shipping?.countryCode ?? undefined,
      billingCountry: billing?.countryCode ?? undefined,
      financialStatus: row.financial_status ?? undefined,
    },
  };
  return { event, customerId: row.customer_id === null ? undefined : Number(row.customer_id), name: row.name, verdictId: row.verdict_id };
}

/** The mirrored customer as a sign-up event, or undefined when it has not been mirrored. */
export async function accountEventFromMirror(db: Queryable, shopId: string, customerId: number): Promise<AccountEvent | undefined> {
  return (await accountEventWithVerdict(db, shopId, customerId))?.event;
}

/** The mirrored customer as a sign-up event, with the id of its verdict if it was scored already. */
export async function accountEventWithVerdict(
  db: Queryable,
  shopId: string,
  customerId: number,
): Promise<{ event: AccountEvent; verdictId: string | null } | undefined> {
  const { rows } = await runPrepared<{ id: string; email: string | null; phone: string | null; default_address: schema.MailingAddress | null; created_at: Date; verdict_id: string | null }>(
    db,
    'account_from_mirror',
    `SELECT c.id, c.email, c.phone, c.default_address, c.created_at, v.id AS verdict_id FROM customers c
     LEFT JOIN risk_verdicts v ON v.shop_id = c.shop_id AND v.subject_type = 'account' AND v.subject_id = c.id::text
     WHERE c.shop_id = $1 AND c.id = $2 AND c.redacted_at IS NULL`,
    [shopId, customerId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const event: AccountEvent = {
    type: 'account',
    at: row.created_at.getTime(),
    account: String(row.id),
    email: row.email ?? undefined,
    attrs: { phone: row.phone ?? row.default_address?.phone ?? undefined, shippingAddress: address(row.default_address) },
  };
  return { event, verdictId: row.verdict_id };
}
