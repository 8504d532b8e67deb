import type { Clock } from '../../core/clock';
import { isEmptySubject, type SubjectDataHolder } from '../../privacy';
import type { IdentifierHasher } from '../identity-graph';
import { inTransaction, type Queryable } from '../store';
import { eraseRiskSubject } from './erase-risk-subject';
import { exportRiskSubject } from './export-risk-subject';
import { resolveRiskSubject } from './subject-scope';

/**
 * Risk control as a data holder for buyers' rights. Export gives the buyer's verdicts, appeals, the
 * blocklist entries that apply to them and the kinds of identifiers linked to their account (never the
 * accounts they share a device with); erasure removes their links, order facts, sign-up devices and
 * verdicts and anonymises their appeals, in one transaction, scoped to the shop.
 */
export function riskSubjectHolder(deps: { db: Queryable; hasher: IdentifierHasher; clock: Clock }): SubjectDataHolder {
  return {
    name: 'risk',
    async export(shopId, subject) {
      if (isEmptySubject(subject)) return null;
      const scope = await resolveRiskSubject(deps.db, deps.hasher, shopId, subject);
      return exportRiskSubject(deps.db, shopId, scope, deps.clock.now());
    },
    async erase(shopId, subject) {
      if (isEmptySubject(subject)) return 0;
      return inTransaction(deps.db, async (tx) => eraseRiskSubject(tx, shopId, await resolveRiskSubject(tx, deps.hasher, shopId, subject)));
    },
  };
}
