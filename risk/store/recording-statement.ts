import type { EventRecording } from '../engine';
import { LINK_SQL, PROFILE_SQL } from './postgres-identity-graph-store';

/**
 * The data-modifying CTEs that record one event (the account's profile, its links and, for an
 * order, the order and its sources), taking parameters `$1`–`$14` of
 * {@link recordingValues}. Put in front of another statement (`WITH <these>, verdict AS (...)`)
 * they commit with it in one round trip. The CTEs all read the snapshot from before the
 * statement, like the separate statements they replace did.
 */
export const RECORDING_CTES = `profile AS (${PROFILE_SQL} RETURNING 1),
links AS (${LINK_SQL('$8')} RETURNING 1),
recorded_order AS (
  INSERT INTO risk_orders (shop_id, order_id, account_id, at, amount, discount_code, first_order, payment_failed, sources)
  SELECT $1, $10, $2, $3, $11, $12,
    NOT EXISTS (SELECT 1 FROM risk_orders p WHERE p.shop_id = $1 AND p.account_id = $2 AND p.at < $3::bigint + 1),
    $13, $14::text[]
  WHERE $9::boolean
  ON CONFLICT (shop_id, order_id) DO NOTHING RETURNING order_id),
recorded_sources AS (
  INSERT INTO risk_order_sources (shop_id, source_key, at, order_id)
  SELECT $1, s, $3, $10 FROM unnest($14::text[]) AS s WHERE EXISTS (SELECT 1 FROM recorded_order)
  ON CONFLICT DO NOTHING RETURNING 1)`;

/** The number of parameters {@link RECORDING_CTES} takes; a statement's own start at `$15`. */
export const RECORDING_PARAMS = 14;

/** Parameters `$1`–`$14` of {@link RECORDING_CTES} for one shop's recording. */
export function recordingValues(shopId: string, recording: EventRecording): unknown[] {
  const { profile, order } = recording;
  const hasEmail = profile?.emailDomain !== undefined;
  return [
    shopId,
    recording.account,
    Math.floor(recording.at),
    profile?.signedUp ?? false,
    hasEmail,
    hasEmail ? profile.emailDomain : null,
    hasEmail ? (profile.emailIsVariant ?? false) : null,
    recording.identifiers.map((identifier) => identifier.key),
    order !== undefined,
    order?.order ?? null,
    order?.amount ?? null,
    order?.discountCode ?? null,
    order?.paymentFailed ?? false,
    order?.sources.map((source) => source.key) ?? [],
  ];
}
