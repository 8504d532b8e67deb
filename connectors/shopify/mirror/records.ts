import type { Fulfillment, MailingAddress } from '../../../db/schema';

/** An order as we keep it, whichever way it arrived (bulk JSONL, paged query, webhook). */
export interface OrderRecord {
  id: number;
  name: string;
  orderNumber: number | null;
  customerId: number | null;
  email: string | null;
  phone: string | null;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  currency: string;
  totalPrice: string;
  subtotalPrice: string | null;
  totalDiscounts: string | null;
  discountCodes: string[];
  tags: string[];
  clientIp: string | null;
  deviceId: string | null;
  shippingAddress: MailingAddress | null;
  billingAddress: MailingAddress | null;
  fulfillments: Fulfillment[];
  sourceName: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  processedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LineItemRecord {
  id: number;
  orderId: number;
  productId: number | null;
  variantId: number | null;
  title: string;
  sku: string | null;
  quantity: number;
  price: string;
}

export interface CustomerRecord {
  id: number;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  state: string | null;
  tags: string[];
  acceptsMarketing: boolean;
  amountSpent: string | null;
  ordersCount: number;
  birthday: string | null;
  defaultAddress: MailingAddress | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProductRecord {
  id: number;
  title: string;
  productType: string | null;
  vendor: string | null;
  tags: string[];
  status: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The storefront script's device id travels as this order attribute. */
export const DEVICE_ID_ATTRIBUTE = 'storedesk_device_id';
