import type { Shopify } from '@shopify/shopify-api';
import type { Request, Response, Server } from 'restify';
import { UnauthorizedError, ValidationError } from '../../../core/errors';
import type { Logger } from '../../../core/logging';
import { findShopByDomain, schema, type Db } from '../../../db';
import { parseStorableJson, rawBodyOf } from '../../../core/http';
import { isKnownTopic } from './topics';
import { errorForLog } from '../../../core/logging';

/** What the route needs. `enqueue` hands a stored delivery to a job; if it fails the sweep picks it up. */
export interface ReceiveWebhookDeps {
  db: Db;
  shopify: Shopify;
  logger: Logger;
  enqueue(deliveryId: string, shopId: string): Promise<void>;
}

/**
 * `POST /webhooks/shopify`: checks the HMAC on the raw bytes, stores the delivery durably, then answers
 * 200. Processing happens in a job, so a slow handler never makes Shopify time out and retry, and a
 * crash after the answer loses nothing. A repeated webhook id is acknowledged without a second effect.
 */
export function webhookRoutes(deps: ReceiveWebhookDeps) {
  return (server: Server): void => {
    server.post('/webhooks/shopify', async (req: Request, res: Response) => {
      const raw = rawBodyOf(req);
      const check = await deps.shopify.webhooks.validate({ rawBody: raw.toString('utf8'), rawRequest: req, rawResponse: res });
      if (!check.valid) {
        throw new UnauthorizedError(`Webhook rejected: ${check.reason}`);
      }
      // The library reports topics as ORDERS_CREATE; we keep Shopify's own spelling from the header.
      const topic = String(req.headers['x-shopify-topic'] ?? '').toLowerCase();
      if (!isKnownTopic(topic)) {
        res.send(200, { status: 'ignored', reason: 'topic not subscribed' });
        return;
      }
      const shop = await findShopByDomain(deps.db, check.domain);
      if (!shop) {
        // Nothing of this shop is held (never installed, or already erased): nothing to do, and no retry wanted.
        deps.logger.info({ topic }, 'webhook for a shop we do not hold');
        res.send(200, { status: 'ignored', reason: 'unknown shop' });
        return;
      }
      let payload: unknown;
      try {
        // A customer's note may hold a NUL or half an emoji, which the database cannot store: keep the rest.
        payload = parseStorableJson(raw.toString('utf8'));
      } catch {
        throw new ValidationError('Webhook body is not JSON');
      }
      const [stored] = await deps.db
        .insert(schema.webhookDeliveries)
        .values({ shopId: shop.id, webhookId: check.webhookId, topic, apiVersion: check.apiVersion, payload })
        .onConflictDoNothing({ target: [schema.webhookDeliveries.shopId, schema.webhookDeliveries.webhookId] })
        .returning({ id: schema.webhookDeliveries.id });
      if (stored) {
        await deps.enqueue(stored.id, shop.id).catch((error: Error) =>
          deps.logger.warn({ err: errorForLog(error), deliveryId: stored.id }, 'webhook stored; processing left to the sweep'),
        );
      }
      res.send(200, { status: stored ? 'accepted' : 'duplicate' });
    });
  };
}
