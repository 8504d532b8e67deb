import { lookupSources } from '../identity-graph';
import type { RiskServiceDeps } from '../ports';
import { PostgresOrderHistoryStore } from '../store';

/** What the bot knows of a failed order-status look-up: the buyer's device and network, raw. */
export interface FailedLookup {
  readonly at: Date;
  /** The web chat widget's first-party device id. */
  readonly device?: string;
  /** The client IP the channel saw. */
  readonly ip?: string;
}

/**
 * Records a failed order-status look-up in chat against the shop, by the keyed hashes of its device
 * and IP only, so later sign-ups and orders from them count it (`failed_lookups_1h`, `failed_lookups_24h`).
 */
export async function recordFailedLookup(deps: Pick<RiskServiceDeps, 'db' | 'hasher'>, shopId: string, lookup: FailedLookup): Promise<void> {
  const sources = lookupSources({ device: lookup.device, ip: lookup.ip }, deps.hasher);
  await new PostgresOrderHistoryStore(deps.db, shopId).recordFailedLookup({ at: lookup.at.getTime(), sources });
}
