import type { Logger } from '../../core/logging';
import { recordFailedLookup, type RiskServiceDeps } from '../../risk';
import { errorForLog } from '../../core/logging';

/** What reporting a failed lookup to risk needs; without `risk` nothing is reported. */
export interface FailedLookupReporting {
  risk?: { deps: RiskServiceDeps };
  logger: Logger;
}

const bounded = (value: string | undefined, max: number) => (value && value.length <= max ? value : undefined);

/**
 * Tells risk about a failed lookup from this device and IP without waiting: the buyer's reply never
 * waits for it or fails with it. The log line carries no identifier, only the error's code.
 */
export function reportFailedLookup(deps: FailedLookupReporting, shopId: string, lookup: { at: Date; device?: string; ip?: string }): void {
  const device = bounded(lookup.device, 200);
  const ip = bounded(lookup.ip, 64);
  if (!deps.risk || (!device && !ip)) return;
  recordFailedLookup(deps.risk.deps, shopId, { at: lookup.at, device, ip }).catch((error: unknown) =>
    deps.logger.warn({ err: errorForLog(error, { message: false }) }, 'failed order lookup not recorded for risk'),
  );
}
