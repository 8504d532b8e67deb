import type { Db } from '../../db';
import type { ActorKind, AuditLog } from '../../privacy';
import { activateModelVersion } from './model-versions';

/**
 * Serves a stored version again (a rollback) or promotes a stored candidate by hand, and audits it as
 * `models.rollback` (to an older version) or `models.promote` (to a newer one). Nothing is audited when
 * the version was already active.
 */
export async function rollbackModel(
  deps: { db: Db; auditLog: Pick<AuditLog, 'record'> },
  input: { shopId: string; language: string; version: number; actor: { kind: ActorKind; id: string } },
): Promise<{ from: number | null; to: number; changed: boolean }> {
  const result = await activateModelVersion(deps.db, input);
  if (result.changed) {
    await deps.auditLog.record({
      shopId: input.shopId,
      actor: input.actor,
      action: result.from !== null && result.to > result.from ? 'models.promote' : 'models.rollback',
      subject: `model-version:${input.language}-${input.version}`,
      detail: { language: input.language, from: result.from, to: result.to },
    });
  }
  return result;
}
