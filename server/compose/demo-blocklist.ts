import type { AbuseRing } from '../../connectors/shopify/demo-store';
import { addBlocklistEntry, listBlocklistEntries, maskValue, type RiskServiceDeps } from '../../risk';

/** Who the demo's entry is recorded as added by (and how a later start recognises it). */
export const DEMO_BLOCKLIST_ADDED_BY = 'system:demo-blocklist';

/** The demo store's blocked buyer: the first abuse ring's shared device (the same for every demo size). */
export function demoBlockedDeviceId(store: { abuseRings(): AbuseRing[] }): string | undefined {
  return store.abuseRings()[0]?.deviceId;
}

/**
 * Blocks one abuse-ring device in the demo shop so the demo shows a refused buyer and the appeal flow.
 * Idempotent: once the demo entry was added it is never added again, even after staff removed it
 * or an appeal lifted it (that is the demo working).
 */
export async function seedDemoBlocklist(input: { risk: { deps: RiskServiceDeps }; shopId: string; deviceId: string }): Promise<{ added: boolean }> {
  const { risk, shopId, deviceId } = input;
  const hint = maskValue('device', deviceId);
  const existing = await listBlocklistEntries(risk.deps, shopId, { includeInactive: true });
  if (existing.some((entry) => entry.addedBy === DEMO_BLOCKLIST_ADDED_BY && entry.kind === 'device' && entry.hint === hint)) return { added: false };
  await addBlocklistEntry(
    risk.deps,
    shopId,
    { kind: 'system', id: 'demo-blocklist' },
    { kind: 'device', value: deviceId, scope: 'shop', reason: 'Demo: device shared by a ring of coupon-farming accounts' },
    DEMO_BLOCKLIST_ADDED_BY,
  );
  return { added: true };
}
