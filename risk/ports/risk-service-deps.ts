import type { Clock } from '../../core/clock';
import type { IdentifierHasher } from '../identity-graph';
import type { Queryable } from '../store';
import type { AppealNotifier } from './appeal-notifier';
import type { RiskAudit } from './audit';

/** Write-back to one shop's Shopify admin (the connector's `writeBackFor(shopId)` result). */
export interface RiskWriteBack {
  createOrderRiskAssessment(
    orderId: number,
    assessment: {
      riskLevel: 'HIGH' | 'MEDIUM' | 'LOW';
      facts: Array<{ description: string; sentiment: 'NEGATIVE' | 'NEUTRAL' | 'POSITIVE' }>;
    },
    key: string,
  ): Promise<{ replayed: boolean }>;
  addCustomerTags(customerId: number, tags: string[]): Promise<{ replayed: boolean }>;
}

/** Everything the risk use-cases need, passed in by the composition root. */
export interface RiskServiceDeps {
  /** The node-postgres pool (`database.pool`). */
  db: Queryable;
  /** The installation hasher (`createInstallationHasher(config.ENCRYPTION_KEY)`). */
  hasher: IdentifierHasher;
  clock: Clock;
  audit?: RiskAudit;
  /** `connector.writeBackFor`; without it verdicts are stored but not written to Shopify. */
  writeBackFor?: (shopId: string) => Promise<RiskWriteBack>;
  notifier?: AppealNotifier;
  /** Signs appeal links (`deriveAppealLinkKey(config.ENCRYPTION_KEY)`). */
  appealLinkKey: Buffer;
  /** The app's public origin, for appeal links (`https://app.example.com`). */
  publicUrl: string;
  onError?: (error: unknown, context: string) => void;
}
