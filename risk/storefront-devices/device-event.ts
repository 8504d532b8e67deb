import { z } from 'zod';

/** The same shape the chat widget accepts for its first-party id (`storedesk.deviceId`): a UUID in practice. */
export const DEVICE_ID_PATTERN = /^[\w-]{8,64}$/;

const orderId = z.union([
  z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  // Web Pixels report the order as a GID (`gid://shopify/OrderIdentity/123`) or as digits.
  z.string().regex(/^(?:gid:\/\/shopify\/Order(?:Identity)?\/)?\d{1,16}$/, 'must be a Shopify order id').transform((value) => Number(value.slice(value.lastIndexOf('/') + 1))),
]);

/**
 * One event a storefront script reports. The device id is whatever the browser says: a signal that links
 * sightings, never proof of who is behind them.
 */
export const deviceEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('signup'),
    shop: z.string().min(1).max(255),
    deviceId: z.string().regex(DEVICE_ID_PATTERN, 'must be 8-64 letters, digits, "_" or "-"'),
    email: z.string().trim().min(3).max(254).email('must be an email address'),
  }).strict(),
  z.object({
    type: z.literal('checkout'),
    shop: z.string().min(1).max(255),
    deviceId: z.string().regex(DEVICE_ID_PATTERN, 'must be 8-64 letters, digits, "_" or "-"'),
    orderId,
  }).strict(),
]);

/** A validated storefront device event. */
export type DeviceEvent = z.infer<typeof deviceEventSchema>;
