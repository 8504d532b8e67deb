import type { SubjectRights } from './create-subject-rights';
import { EXPORT_TTL_DAYS } from './create-subject-rights';
import { subjectFromShopifyPayload, type ShopifyCustomerPayload } from './subject';

/**
 * The shape `connectors/shopify/webhooks` calls for Shopify's mandatory compliance topics
 * (copied here, since privacy/ never imports connectors/).
 */
export interface ComplianceHandler {
  dataRequest(shopId: string, payload: { customer?: { id?: number; email?: string; phone?: string }; orders_requested?: number[]; data_request?: { id?: number } }): Promise<void>;
  redactCustomer(shopId: string, payload: { customer?: { id?: number; email?: string; phone?: string }; orders_to_redact?: number[] }): Promise<void>;
  redactShop(shopId: string): Promise<void>;
}

/**
 * Answers the compliance webhooks: a data request stores the buyer's export, sealed, for the merchant to
 * send (kept {@link EXPORT_TTL_DAYS} days); a redact erases the buyer or the whole shop. Each is logged.
 */
export function createComplianceHandler(deps: { subjectRights: SubjectRights }): ComplianceHandler {
  const rights = deps.subjectRights;
  return {
    async dataRequest(shopId, payload) {
      const subject = subjectFromShopifyPayload(payload as ShopifyCustomerPayload);
      const exported = await rights.exportSubject(shopId, subject);
      const counts: Record<string, number> = {};
      for (const [name, data] of Object.entries(exported.data)) counts[name] = countRecords(data);
      const now = rights.clock.now();
      await rights.requests.add({
        shopId,
        kind: 'data_request',
        subjectRef: await rights.subjectRef(shopId, subject),
        shopifyRequestId: payload.data_request?.id,
        counts,
        exportJson: exported,
        exportExpiresAt: new Date(now.getTime() + EXPORT_TTL_DAYS * 86_400_000),
        at: now,
      });
    },
    async redactCustomer(shopId, payload) {
      await rights.redactSubject(shopId, subjectFromShopifyPayload(payload as ShopifyCustomerPayload));
    },
    async redactShop(shopId) {
      await rights.redactShop(shopId);
    },
  };
}

function countRecords(data: unknown): number {
  if (Array.isArray(data)) return data.length;
  if (data && typeof data === 'object') return Object.values(data).reduce<number>((sum, value) => sum + (Array.isArray(value) ? value.length : 0), 0);
  return data === undefined || data === null ? 0 : 1;
}
