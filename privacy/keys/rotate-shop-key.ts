import type { AuditLog } from '../audit';
import type { Pseudonymizer } from './create-pseudonymizer';

/** Starts a key rotation for the shop and audits it. Consumers then recompute their pseudonyms (README.md). */
export async function rotateShopKey(deps: { pseudonymizer: Pseudonymizer; auditLog: AuditLog }, shopId: string): Promise<{ version: number }> {
  const result = await deps.pseudonymizer.rotate(shopId);
  await deps.auditLog.record({ shopId, actor: { kind: 'system', id: 'system' }, action: 'keys.rotate', detail: { version: result.version } });
  return result;
}

/** Ends a rotation: deletes the shop's old key versions and audits it. */
export async function retireShopKeys(deps: { pseudonymizer: Pseudonymizer; auditLog: AuditLog }, shopId: string): Promise<{ version: number; retired: number }> {
  const result = await deps.pseudonymizer.retireOldKeys(shopId);
  await deps.auditLog.record({ shopId, actor: { kind: 'system', id: 'system' }, action: 'keys.retire', detail: result });
  return result;
}
