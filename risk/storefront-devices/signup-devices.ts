import { normaliseEmail, type IdentifierHasher } from '../identity-graph';
import type { AccountEvent } from '../events';
import type { RiskServiceDeps } from '../ports';
import { PostgresIdentityGraphStore, runPrepared, SIGNUP_DEVICE_KEEP_MS, type Queryable } from '../store';


/** Shopify stamps the customer after the form was posted; a report this much later still belongs to it. */
const LATE_REPORT_MS = 10 * 60_000;

/** At most this many accounts with one email get the device linked late (one, in practice). */
const LATE_LINK_LIMIT = 5;

/** The hashed key of a sign-up email, exactly as an account's own email is hashed in the graph. */
function emailKey(hasher: IdentifierHasher, email: string): string | undefined {
  const normalised = normaliseEmail(email);
  return normalised ? hasher('email', normalised.address).key : undefined;
}

/**
 * Keeps the device a storefront reported with a sign-up, under the hashed email only. When the customer
 * was scored already (the webhook won the race), the accounts seen with that email are linked to the
 * device now, so later sign-ups from the device count them. Returns false for an unusable email.
 */
export async function recordSignupDevice(deps: RiskServiceDeps, shopId: string, report: { deviceId: string; email: string }): Promise<boolean> {
  const key = emailKey(deps.hasher, report.email);
  if (!key) return false;
  const now = deps.clock.now().getTime();
  await runPrepared(
    deps.db,
    'signup_device_upsert',
    `INSERT INTO risk_signup_devices (shop_id, email_key, device_id, seen_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (shop_id, email_key, device_id) DO UPDATE SET seen_at = GREATEST(risk_signup_devices.seen_at, EXCLUDED.seen_at)`,
    [shopId, key, report.deviceId, now],
  );
  const graph = new PostgresIdentityGraphStore(deps.db, shopId);
  const accounts = await graph.accountsSharing({ kind: 'email', key }, { since: now - LATE_REPORT_MS, until: now + 1 }, LATE_LINK_LIMIT);
  const device = deps.hasher('device', report.deviceId);
  for (const { account } of accounts) await graph.link(account, [device], now);
  return true;
}

/**
 * The sign-up event with the device its storefront reported, when the event has none of its own: the
 * latest report for the same (normalised, hashed) email from the week before the sign-up.
 */
export async function withSignupDevice(db: Queryable, hasher: IdentifierHasher, shopId: string, event: AccountEvent): Promise<AccountEvent> {
  if (event.device || !event.email) return event;
  const key = emailKey(hasher, event.email);
  if (!key) return event;
  const { rows } = await runPrepared<{ device_id: string }>(
    db,
    'signup_device_for_email',
    `SELECT device_id FROM risk_signup_devices WHERE shop_id = $1 AND email_key = $2 AND seen_at >= $3 AND seen_at <= $4
     ORDER BY seen_at DESC, device_id COLLATE "C" LIMIT 1`,
    [shopId, key, event.at - SIGNUP_DEVICE_KEEP_MS, event.at + LATE_REPORT_MS],
  );
  return rows[0] ? { ...event, device: rows[0].device_id } : event;
}

/**
 * A checkout's device, for an order that reached the mirror without the cart attribute (a checkout that
 * skipped the cart page). Never overwrites a device the order already carries.
 */
export async function recordCheckoutDevice(db: Queryable, shopId: string, report: { deviceId: string; orderId: number }): Promise<boolean> {
  const result = await db.query({
    text: 'UPDATE orders SET device_id = $3 WHERE shop_id = $1 AND id = $2 AND device_id IS NULL',
    values: [shopId, report.orderId, report.deviceId],
  });
  return (result.rowCount ?? 0) > 0;
}
