import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../../core/errors';
import { webhookHmac } from './oauth-hmac';
import type { WebhookDelivery } from './types';

/** Sends webhooks the way Shopify does, signed with the app secret, and keeps each delivery for re-sending. */
export class WebhookSender {
  readonly deliveries: WebhookDelivery[] = [];

  constructor(
    private readonly apiSecret: string,
    private readonly now: () => number,
    public target: string | undefined,
  ) {}

  /** Builds, records and (when a target is set) POSTs one delivery. */
  async deliver(topic: string, shop: string, payload: unknown, options: { target?: string } = {}): Promise<WebhookDelivery> {
    const body = JSON.stringify(payload);
    const webhookId = randomUUID();
    const delivery: WebhookDelivery = {
      webhookId,
      eventId: randomUUID(),
      topic,
      shop,
      body,
      target: options.target ?? this.target ?? '',
      attempts: [],
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': topic,
        'x-shopify-hmac-sha256': webhookHmac(body, this.apiSecret),
        'x-shopify-shop-domain': shop,
        'x-shopify-webhook-id': webhookId,
        'x-shopify-api-version': '2025-10',
        'x-shopify-event-id': '',
        'x-shopify-triggered-at': new Date(this.now()).toISOString(),
      },
    };
    delivery.headers['x-shopify-event-id'] = delivery.eventId;
    this.deliveries.push(delivery);
    if (delivery.target) await this.send(delivery);
    return delivery;
  }

  /** Sends a recorded delivery again with the same webhook id, event id and body, as Shopify's retries do. */
  async redeliver(webhookId: string): Promise<WebhookDelivery> {
    const d = this.deliveries.find((x) => x.webhookId === webhookId);
    if (!d) throw new NotFoundError(`No webhook delivery ${webhookId}`);
    await this.send(d);
    return d;
  }

  private async send(d: WebhookDelivery): Promise<void> {
    const at = new Date(this.now()).toISOString();
    try {
      const res = await fetch(d.target, { method: 'POST', headers: d.headers, body: d.body, signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      d.attempts.push({ at, status: res.status });
    } catch (e) {
      d.attempts.push({ at, status: null, error: (e as Error).message });
    }
  }
}
