import type { Clock } from '../../core/clock';
import type { Queryable } from './queryable';

/** Failed order look-ups count toward risk for a day (the longest window of the failed-lookups rules). */
export const FAILED_LOOKUP_KEEP_MS = 24 * 3_600_000;

/** A storefront's sign-up device report is matched to the customer for a week. */
export const SIGNUP_DEVICE_KEEP_MS = 7 * 24 * 3_600_000;

/**
 * Tables risk keeps only for a while, for the privacy retention sweep (shaped as privacy's retention targets):
 * failed order look-ups are deleted once they no longer count, whatever the shop's retention days.
 */
export function riskRetentionTargets(deps: { db: Queryable; clock: Clock }): Array<{ name: string; purge(shopId: string): Promise<number> }> {
  return [
    {
      name: 'risk_failed_lookups',
      async purge(shopId) {
        const cutoff = deps.clock.now().getTime() - FAILED_LOOKUP_KEEP_MS;
        const result = await deps.db.query({ text: 'DELETE FROM risk_failed_lookups WHERE shop_id = $1 AND at < $2', values: [shopId, cutoff] });
        return result.rowCount ?? 0;
      },
    },
    {
      // Sign-up device reports match a customer for a week (SIGNUP_DEVICE_KEEP_MS in storefront-devices).
      name: 'risk_signup_devices',
      async purge(shopId) {
        const cutoff = deps.clock.now().getTime() - SIGNUP_DEVICE_KEEP_MS;
        const result = await deps.db.query({ text: 'DELETE FROM risk_signup_devices WHERE shop_id = $1 AND seen_at < $2', values: [shopId, cutoff] });
        return result.rowCount ?? 0;
      },
    },
  ];
}
