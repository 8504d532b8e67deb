import type { Pool } from 'pg';
import { AppError } from '../../../core/errors';

/** Shopify refused the write itself (userErrors): retrying the same input won't help. */
export class ShopifyWriteRejectedError extends AppError {
  constructor(kind: string, messages: string[]) {
    super('shopify_write_rejected', `Shopify refused ${kind}: ${messages.join('; ')}`, { status: 422, details: { messages } });
    this.name = 'ShopifyWriteRejectedError';
  }
}

/**
 * Runs a write to Shopify at most once per idempotency key: a key already done returns the stored answer,
 * so a retried job or a duplicate webhook never writes twice. A failed attempt leaves the key retryable.
 */
export async function writeOnce<T>(
  pool: Pool,
  input: { shopId: string; key: string; kind: string; request: unknown },
  perform: () => Promise<{ result: T; userErrors: Array<{ message: string }> }>,
): Promise<{ result: T; replayed: boolean }> {
  await pool.query(
    `INSERT INTO shopify_writes (shop_id, idempotency_key, kind, request, status) VALUES ($1, $2, $3, $4, 'pending')
     ON CONFLICT (shop_id, idempotency_key) DO NOTHING`,
    [input.shopId, input.key, input.kind, JSON.stringify(input.request)],
  );
  const claimed = await pool.query<{ status: string; response: T }>(
    `UPDATE shopify_writes SET status = 'in_flight', attempts = attempts + 1
     WHERE shop_id = $1 AND idempotency_key = $2 AND (status IN ('pending', 'failed') OR (status = 'in_flight' AND created_at < now() - interval '10 minutes'))
     RETURNING status`,
    [input.shopId, input.key],
  );
  if (claimed.rowCount === 0) {
    const { rows } = await pool.query<{ status: string; response: T }>('SELECT status, response FROM shopify_writes WHERE shop_id = $1 AND idempotency_key = $2', [input.shopId, input.key]);
    const row = rows[0]!;
    if (row.status === 'done') return { result: row.response, replayed: true };
    if (row.status === 'rejected') throw new ShopifyWriteRejectedError(input.kind, ['rejected before']);
    throw new AppError('write_in_flight', `Another worker is writing ${input.kind} for this key`, { status: 409 });
  }
  try {
    const { result, userErrors } = await perform();
    if (userErrors.length > 0) {
      await pool.query(`UPDATE shopify_writes SET status = 'rejected', response = $3, completed_at = now() WHERE shop_id = $1 AND idempotency_key = $2`, [input.shopId, input.key, JSON.stringify({ userErrors })]);
      throw new ShopifyWriteRejectedError(input.kind, userErrors.map((e) => e.message));
    }
    await pool.query(`UPDATE shopify_writes SET status = 'done', response = $3, completed_at = now() WHERE shop_id = $1 AND idempotency_key = $2`, [input.shopId, input.key, JSON.stringify(result ?? null)]);
    return { result, replayed: false };
  } catch (error) {
    if (!(error instanceof ShopifyWriteRejectedError)) {
      await pool.query(`UPDATE shopify_writes SET status = 'failed' WHERE shop_id = $1 AND idempotency_key = $2`, [input.shopId, input.key]).catch(() => undefined);
    }
    throw error;
  }
}
