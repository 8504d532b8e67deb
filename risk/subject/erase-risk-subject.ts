import type { Queryable } from '../store';
import type { RiskSubjectScope } from './subject-scope';

/** What an erased appeal's statement reads in the queue, so staff see why it is empty. */
export const ERASED_STATEMENT = '(erased at the buyer’s request)';

/**
 * Erases the buyer's risk data; run it inside one transaction. Returns the rows changed, 0 on a repeat.
 *
 * Verdict rows are deleted, not anonymised: their features (order value against the shop's median,
 * account age, timings) with the verdict's time would pick the order out again in the mirror, which keeps
 * amounts and dates, so a stripped row would still be personal data. The learned model loses this
 * buyer's few labels out of the 200 or more it trains on.
 *
 * Appeals keep an anonymous decision record (reference, status, outcome, who decided, when filed and
 * decided) for the time-to-decision audit; the statement, contact, chat address, message and the hashed
 * identifiers go. Blocklist entries stay: they hold only keyed hashes and serve fraud prevention under
 * the Legitimate Interests assessment, bounded by their expiry.
 */
export async function eraseRiskSubject(db: Queryable, shopId: string, scope: RiskSubjectScope): Promise<number> {
  const { accounts, orderIds, verdictIds, personalKeys } = scope;
  const emailKeys = personalKeys.filter((key) => key.startsWith('email:'));
  const statements: Array<[string, unknown[]]> = [
    [
      `UPDATE risk_appeals SET statement = $3, contact = NULL, notify_address = NULL, message = NULL, subject_keys = '{}', verdict_id = NULL
       WHERE shop_id = $1 AND subject_keys && $2::text[]`,
      [shopId, personalKeys, ERASED_STATEMENT],
    ],
    // Someone else's appeal may point at this buyer's verdict (a shared device); only the pointer goes.
    ['UPDATE risk_appeals SET verdict_id = NULL WHERE shop_id = $1 AND verdict_id = ANY($2::uuid[])', [shopId, verdictIds]],
    ['DELETE FROM risk_verdicts WHERE shop_id = $1 AND id = ANY($2::uuid[])', [shopId, verdictIds]],
    ['DELETE FROM risk_order_sources WHERE shop_id = $1 AND order_id = ANY($2::text[])', [shopId, orderIds]],
    ['DELETE FROM risk_orders WHERE shop_id = $1 AND (order_id = ANY($2::text[]) OR account_id = ANY($3::text[]))', [shopId, orderIds, accounts]],
    ['DELETE FROM risk_identity_links WHERE shop_id = $1 AND account_id = ANY($2::text[])', [shopId, accounts]],
    ['DELETE FROM risk_accounts WHERE shop_id = $1 AND account_id = ANY($2::text[])', [shopId, accounts]],
    ['DELETE FROM risk_signup_devices WHERE shop_id = $1 AND email_key = ANY($2::text[])', [shopId, emailKeys]],
  ];
  let changed = 0;
  for (const [text, values] of statements) changed += (await db.query({ text, values })).rowCount ?? 0;
  return changed;
}
