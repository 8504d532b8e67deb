export { shops } from './shops';
export { botState } from './bot-state';
export {
  shopifySessions,
  webhookDeliveries,
  customers,
  products,
  orders,
  orderLineItems,
  syncRuns,
  shopifyWrites,
} from './shopify';
export type { MailingAddress, Fulfillment } from './shopify';
