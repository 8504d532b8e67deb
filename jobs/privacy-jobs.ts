import { z } from 'zod';
import { retireShopKeys, rotateShopKey, type Pseudonymizer } from '../privacy/keys';
import type { AuditLog } from '../privacy/audit';
import type { createRetention } from '../privacy/retention';
import type { SubjectRights } from '../privacy/subject-rights';
import { defineJob, type JobContext, type JobDefinition } from './runner';

/** What the privacy jobs need; the composition root builds these once. */
export interface PrivacyJobDeps {
  retention: ReturnType<typeof createRetention>;
  subjectRights: SubjectRights;
  pseudonymizer: Pseudonymizer;
  auditLog: AuditLog;
  /** Told when a shop's key rotated: enqueue the jobs that recompute stored pseudonyms (audience tags). */
  onKeyRotated?(shopId: string, context: JobContext): Promise<void>;
}

const shopId = z.string().uuid();

/**
 * Privacy jobs. Schedule `privacy.retention-sweep` daily (it enqueues `privacy.retention` per shop), or
 * `privacy.retention` daily per shop with `every('1 day', ..., { uniqueKey: { 'data.shopId': id } })`.
 */
export function privacyJobs(deps: PrivacyJobDeps): JobDefinition<any>[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  const retention = defineJob({
    name: 'privacy.retention',
    schema: z.object({ shopId }).strict(),
    concurrency: 1,
    async handle(data, context) {
      const report = await deps.retention.purgeShop(data.shopId);
      context.logger.info({ shopId: data.shopId, total: report?.total ?? 0 }, 'retention job done');
    },
  });

  const sweep = defineJob({
    name: 'privacy.retention-sweep',
    schema: z.object({}).strict(),
    async handle(_data, context) {
      const ids = await deps.retention.shopIds();
      for (const id of ids) await context.enqueue('privacy.retention', { shopId: id });
      context.logger.info({ shops: ids.length }, 'retention enqueued per shop');
    },
  });

  const rotateKey = defineJob({
    name: 'privacy.rotate-key',
    schema: z.object({ shopId }).strict(),
    concurrency: 1,
    async handle(data, context) {
      const { version } = await rotateShopKey(deps, data.shopId);
      context.logger.info({ shopId: data.shopId, version }, 'pseudonymisation key rotated');
      await deps.onKeyRotated?.(data.shopId, context);
    },
  });

  const retireKeys = defineJob({
    name: 'privacy.retire-keys',
    schema: z.object({ shopId }).strict(),
    concurrency: 1,
    async handle(data, context) {
      const result = await retireShopKeys(deps, data.shopId);
      context.logger.info({ shopId: data.shopId, ...result }, 'old pseudonymisation keys retired');
    },
  });

  const redactUninstalledShop = defineJob({
    name: 'privacy.redact-uninstalled-shop',
    schema: z.object({ shopId }).strict(),
    concurrency: 1,
    lockLifetimeMs: 30 * 60_000,
    async handle(data, context) {
      const result = await deps.subjectRights.redactUninstalledShop(data.shopId);
      context.logger.info({ shopId: data.shopId, outcome: 'skipped' in result ? result.skipped : 'erased' }, 'uninstalled shop erasure');
    },
  });

  return [retention, sweep, rotateKey, retireKeys, redactUninstalledShop];
}
