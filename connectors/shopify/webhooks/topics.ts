/** The webhook topics storedesk subscribes to (shopify.app.toml declares the same). */
export const WEBHOOK_TOPICS = [
  'orders/create',
  'orders/updated',
  'customers/create',
  'customers/update',
  'app/uninstalled',
  'bulk_operations/finish',
  'customers/data_request',
  'customers/redact',
  'shop/redact',
] as const;

export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number];

export function isKnownTopic(topic: string): topic is WebhookTopic {
  return (WEBHOOK_TOPICS as readonly string[]).includes(topic);
}
