import { systemClock, type Clock } from '../../core/clock';
import type { Logger } from '../../core/logging';
import { findShopById, readShopSettings, schema, type Db } from '../../db';
import type { AuditLog } from '../audit';
import type { RetentionTarget } from './retention-target';

/** What {@link createRetention} needs. */
export interface RetentionDeps {
  db: Db;
  auditLog: AuditLog;
  targets: RetentionTarget[];
  logger: Logger;
  clock?: Clock;
}

/** What one retention run removed: counts per target, never content. */
export interface RetentionReport {
  shopId: string;
  retentionDays: number;
  olderThan: Date;
  deleted: Record<string, number>;
  total: number;
}

/** The retention use-case: purges raw personal data older than the shop's `retentionDays` (default 30). */
export function createRetention(deps: RetentionDeps): {
  purgeShop(shopId: string): Promise<RetentionReport | undefined>;
  /** Every shop holding data, installed or not (an uninstalled shop's data is kept until shop/redact). */
  shopIds(): Promise<string[]>;
} {
  const clock = deps.clock ?? systemClock;
  return {
    async shopIds() {
      return (await deps.db.select({ id: schema.shops.id }).from(schema.shops)).map((row) => row.id);
    },
    async purgeShop(shopId) {
      const shop = await findShopById(deps.db, shopId);
      if (!shop) return undefined;
      const { retentionDays } = readShopSettings(shop);
      const olderThan = new Date(clock.now().getTime() - retentionDays * 86_400_000);
      const deleted: Record<string, number> = {};
      for (const target of deps.targets) deleted[target.name] = await target.purge(shopId, olderThan);
      const total = Object.values(deleted).reduce((sum, n) => sum + n, 0);
      deps.logger.info({ shopId, retentionDays, deleted, total }, 'retention purge finished');
      await deps.auditLog.record({
        shopId,
        actor: { kind: 'system', id: 'system' },
        action: 'retention.purge',
        detail: { retentionDays, olderThan: olderThan.toISOString(), deleted, total },
      });
      return { shopId, retentionDays, olderThan, deleted, total };
    },
  };
}
