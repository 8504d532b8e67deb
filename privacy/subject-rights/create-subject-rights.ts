import { systemClock, type Clock } from '../../core/clock';
import type { SecretBox } from '../../core/crypto';
import type { Logger } from '../../core/logging';
import { findShopById, type Db } from '../../db';
import type { AuditLog } from '../audit';
import type { Pseudonymizer } from '../keys';
import { eraseShopTables } from './erase-shop-tables';
import { shopifyMirrorHolder } from './shopify-mirror-holder';
import { isEmptySubject, normalizeSubject, type Subject, type SubjectDataHolder } from './subject';
import { subjectRequestStore, type SubjectRequestStore } from './subject-request-store';
import { webhookPayloadHolder } from './webhook-payload-holder';

/** What {@link createSubjectRights} needs. `holders` are other capabilities' data (transcripts, tags, risk links). */
export interface SubjectRightsDeps {
  db: Db;
  secrets: SecretBox;
  auditLog: AuditLog;
  pseudonymizer: Pseudonymizer;
  logger: Logger;
  holders?: SubjectDataHolder[];
  clock?: Clock;
}

/** Everything held about one buyer, per data holder. */
export interface SubjectExport {
  shopId: string;
  generatedAt: string;
  subject: Subject;
  data: Record<string, unknown>;
}

/** Buyers' rights: access (export), erasure, and whole-shop erasure. */
export interface SubjectRights {
  exportSubject(shopId: string, subject: Subject): Promise<SubjectExport>;
  redactSubject(shopId: string, subject: Subject): Promise<{ requestId: string; erased: Record<string, number> }>;
  redactShop(shopId: string): Promise<{ erased: Record<string, number> }>;
  /** Erases the shop only if it is still uninstalled (a follow-up after app/uninstalled; a reinstall cancels it). */
  redactUninstalledShop(shopId: string): Promise<{ erased: Record<string, number> } | { skipped: 'installed' | 'unknown' }>;
  /** The data-request log and stored exports, for staff. */
  requests: SubjectRequestStore;
  /** The buyer's pseudonym (their customer id under the shop key), used in logs instead of the id. */
  subjectRef(shopId: string, subject: Subject): Promise<string | undefined>;
  clock: Clock;
}

/** How long a data request's export waits for the merchant before it is dropped. */
export const EXPORT_TTL_DAYS = 30;

/** Builds the subject-rights use-cases over the Shopify mirror, stored webhooks and the given holders. */
export function createSubjectRights(deps: SubjectRightsDeps): SubjectRights {
  const clock = deps.clock ?? systemClock;
  const holders = [shopifyMirrorHolder({ db: deps.db, clock }), webhookPayloadHolder({ db: deps.db }), ...(deps.holders ?? [])];
  const requests = subjectRequestStore({ db: deps.db, secrets: deps.secrets });
  const subjectRef = async (shopId: string, subject: Subject) =>
    subject.customerId === undefined ? undefined : deps.pseudonymizer.pseudonymize(shopId, 'customer', subject.customerId);

  const rights: SubjectRights = {
    requests,
    subjectRef,
    clock,
    async exportSubject(shopId, input) {
      const subject = normalizeSubject(input);
      const data: Record<string, unknown> = {};
      if (!isEmptySubject(subject)) for (const holder of holders) data[holder.name] = await holder.export(shopId, subject);
      await deps.auditLog.record({
        shopId,
        actor: { kind: 'system', id: 'system' },
        action: 'subject.export',
        subject: await subjectRef(shopId, subject),
        detail: { holders: Object.keys(data) },
      });
      return { shopId, generatedAt: clock.now().toISOString(), subject, data };
    },
    async redactSubject(shopId, input) {
      const subject = normalizeSubject(input);
      const erased: Record<string, number> = {};
      if (!isEmptySubject(subject)) for (const holder of holders) erased[holder.name] = await holder.erase(shopId, subject);
      const ref = await subjectRef(shopId, subject);
      const requestId = await requests.add({ shopId, kind: 'customer_redact', subjectRef: ref, counts: erased, at: clock.now() });
      await deps.auditLog.record({ shopId, actor: { kind: 'system', id: 'system' }, action: 'subject.redact', subject: ref, detail: { requestId, erased } });
      deps.logger.info({ shopId, requestId, erased }, 'subject redacted');
      return { requestId, erased };
    },
    async redactShop(shopId) {
      const erased = await eraseShopTables(deps.db, shopId);
      deps.pseudonymizer.forget(shopId);
      // What survives the erasure: that it happened, when, and how many rows went.
      await requests.add({ shopId, kind: 'shop_redact', counts: erased, at: clock.now() });
      await deps.auditLog.record({ shopId, actor: { kind: 'system', id: 'system' }, action: 'shop.redact', detail: { erased } });
      deps.logger.info({ shopId, erased }, 'shop data erased');
      return { erased };
    },
    async redactUninstalledShop(shopId) {
      const shop = await findShopById(deps.db, shopId);
      if (!shop) return { skipped: 'unknown' };
      if (!shop.uninstalledAt) return { skipped: 'installed' };
      return rights.redactShop(shopId);
    },
  };
  return rights;
}
