import { ManualClock } from '../../core/clock';
import { schema, upsertShop, type Database, type Shop } from '../../db';
import { createRiskService, type RiskService } from '../decisions';
import type { AppealNotifier, RiskAuditEvent, RiskServiceDeps } from '../ports';
import { createInstallationHasher, deriveAppealLinkKey } from '../store';

/** A fixed test key; never use it outside tests. */
export const TEST_RISK_KEY = 'b'.repeat(64);

/** A risk service on a test database, with a manual clock, an in-memory audit trail and a recording notifier. */
export function createTestRiskService(database: Database, options: Partial<RiskServiceDeps> = {}) {
  const audits: RiskAuditEvent[] = [];
  const notices: Array<Parameters<AppealNotifier['notify']>> = [];
  const clock = new ManualClock('2026-06-01T08:00:00Z');
  const service: RiskService = createRiskService({
    db: database.pool,
    hasher: createInstallationHasher(TEST_RISK_KEY),
    appealLinkKey: deriveAppealLinkKey(TEST_RISK_KEY),
    clock,
    audit: (event) => void audits.push(event),
    notifier: { notify: async (...args) => void notices.push(args) },
    publicUrl: 'https://storedesk.test',
    ...options,
  });
  return { service, clock, audits, notices };
}

/** A buyer as the Shopify mirror holds them. */
export interface MirrorBuyer {
  id: number;
  email?: string;
  phone?: string;
  createdAt: Date;
}

/** A shop row for tests. */
export function testShop(database: Database, domain: string, name = domain.split('.')[0]!): Promise<Shop> {
  return upsertShop(database.db, { domain, name });
}

/** Puts a customer into the mirror, as the connector's sync would. */
export async function mirrorCustomer(database: Database, shopId: string, buyer: MirrorBuyer): Promise<void> {
  await database.db.insert(schema.customers).values({ shopId, id: buyer.id, email: buyer.email ?? null, phone: buyer.phone ?? null, createdAt: buyer.createdAt, updatedAt: buyer.createdAt });
}

/** Puts an order into the mirror with the risk-relevant fields. */
export async function mirrorOrder(
  database: Database,
  shopId: string,
  order: { id: number; customerId?: number; email?: string; total: number; createdAt: Date; deviceId?: string; clientIp?: string; discountCodes?: string[]; country?: string; financialStatus?: string },
): Promise<void> {
  const address = { address1: `${order.id % 97} Orchard Road`, city: 'Singapore', zip: '238801', countryCode: order.country ?? 'SG' };
  await database.db.insert(schema.orders).values({
    shopId,
    id: order.id,
    name: `#${order.id}`,
    customerId: order.customerId ?? null,
    email: order.email ?? null,
    currency: 'SGD',
    totalPrice: order.total.toFixed(2),
    discountCodes: order.discountCodes ?? [],
    clientIp: order.clientIp ?? null,
    deviceId: order.deviceId ?? null,
    financialStatus: order.financialStatus ?? 'paid',
    shippingAddress: address,
    billingAddress: address,
    createdAt: order.createdAt,
    updatedAt: order.createdAt,
  });
}
