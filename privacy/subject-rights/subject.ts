import { z } from 'zod';

/** One buyer, as Shopify's `customers/data_request` and `customers/redact` name them. */
export interface Subject {
  customerId?: number;
  email?: string;
  phone?: string;
  orderIds?: number[];
}

/** What a data holder gives for a subject: whatever it holds, as JSON. */
export interface SubjectDataHolder {
  name: string;
  /** Everything held about the subject in this shop, ready for JSON. */
  export(shopId: string, subject: Subject): Promise<unknown>;
  /** Erases or anonymises it; returns the rows changed. Calling it again must be harmless. */
  erase(shopId: string, subject: Subject): Promise<number>;
}

const id = z.coerce.number().int().positive();
const subjectSchema = z
  .object({
    customerId: id.optional(),
    email: z.string().trim().toLowerCase().min(3).max(320).optional(),
    phone: z.string().trim().min(3).max(40).optional(),
    orderIds: z.array(id).max(10_000).optional(),
  })
  .strict();

/** Trims and validates a subject; `undefined` fields are dropped. */
export function normalizeSubject(input: Subject): Subject {
  const parsed = subjectSchema.parse(Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== null && value !== '')));
  return parsed;
}

/** True when the subject names no one: holders must then match nothing (never everything). */
export function isEmptySubject(subject: Subject): boolean {
  return subject.customerId === undefined && !subject.email && !phoneDigits(subject.phone) && !(subject.orderIds && subject.orderIds.length > 0);
}

/** The phone's digits, for matching `+65 9123 4567` with `6591234567`. */
export function phoneDigits(phone: string | undefined): string | undefined {
  const digits = phone?.replace(/\D/g, '');
  return digits && digits.length >= 6 ? digits : undefined;
}

/** The shape Shopify's compliance payloads share. */
export interface ShopifyCustomerPayload {
  customer?: { id?: number; email?: string; phone?: string };
  orders_requested?: number[];
  orders_to_redact?: number[];
}

/** The subject a `customers/data_request` or `customers/redact` payload names. */
export function subjectFromShopifyPayload(payload: ShopifyCustomerPayload): Subject {
  return normalizeSubject({
    customerId: payload.customer?.id ?? undefined,
    email: payload.customer?.email ?? undefined,
    phone: payload.customer?.phone ?? undefined,
    orderIds: payload.orders_requested ?? payload.orders_to_redact ?? undefined,
  });
}
