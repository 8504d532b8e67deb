import type { EventAttrs, EventFacts, RiskEvent } from './types';

function pick(attrs: EventAttrs | undefined, names: readonly string[]): unknown {
  if (!attrs) return undefined;
  for (const name of names) {
    const value = attrs[name];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

const ADDRESS_PARTS = [
  'address1',
  'address2',
  'line1',
  'line2',
  'street',
  'city',
  'zip',
  'postalCode',
  'postal_code',
  'country',
  'countryCode',
  'country_code',
];

function address(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const parts = ADDRESS_PARTS.map((part) => text(record[part])).filter(
      (part): part is string => part !== undefined,
    );
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  return undefined;
}

function countryOf(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return text(record.countryCode ?? record.country_code ?? record.country)?.toUpperCase();
  }
  return undefined;
}

const FAILED_STATUSES = new Set(['failed', 'declined', 'failure', 'error', 'voided', 'rejected']);

function paymentFailed(attrs: EventAttrs | undefined): boolean {
  const flag = pick(attrs, ['paymentFailed', 'payment_failed', 'failed', 'declined']);
  if (flag === true || flag === 'true' || flag === 1) return true;
  const status = text(
    pick(attrs, ['paymentStatus', 'payment_status', 'financialStatus', 'financial_status', 'status']),
  );
  return status !== undefined && FAILED_STATUSES.has(status.toLowerCase());
}

function discountKind(attrs: EventAttrs | undefined): EventFacts['discountKind'] {
  const kind = text(
    pick(attrs, ['discountKind', 'discount_kind', 'discountType', 'discount_type']),
  )?.toLowerCase();
  if (kind === undefined) {
    const firstOrder = pick(attrs, ['firstOrderOnly', 'first_order_only', 'singleUse', 'single_use']);
    return firstOrder === true ? 'first-order' : undefined;
  }
  if (kind.includes('first') || kind.includes('welcome')) return 'first-order';
  if (kind.includes('single') || kind.includes('once') || kind.includes('unique')) return 'single-use';
  return 'public';
}

/**
 * Gathers the facts an event carries under the names commonly used by Shopify exports and
 * storefront scripts (camelCase or snake_case). Values stay raw; normalisation happens later.
 */
export function readEventFacts(event: RiskEvent): EventFacts {
  const attrs = event.attrs;
  const shipping = pick(attrs, ['shippingAddress', 'shipping_address', 'address', 'shipping']);
  const billing = pick(attrs, ['billingAddress', 'billing_address', 'billing']);
  return {
    email: event.email ?? text(pick(attrs, ['email', 'contactEmail', 'contact_email'])),
    phone: text(pick(attrs, ['phone', 'phoneNumber', 'phone_number'])),
    shippingAddress: address(shipping),
    billingAddress: address(billing),
    paymentFingerprint: text(
      pick(attrs, [
        'paymentFingerprint',
        'payment_fingerprint',
        'cardFingerprint',
        'card_fingerprint',
        'paymentMethodId',
      ]),
    ),
    ipCountry: text(pick(attrs, ['ipCountry', 'ip_country', 'geoCountry', 'geo_country']))?.toUpperCase(),
    billingCountry:
      text(pick(attrs, ['billingCountry', 'billing_country']))?.toUpperCase() ?? countryOf(billing),
    shippingCountry:
      text(pick(attrs, ['shippingCountry', 'shipping_country', 'country']))?.toUpperCase() ??
      countryOf(shipping),
    paymentFailed: paymentFailed(attrs),
    discountKind: discountKind(attrs),
  };
}
