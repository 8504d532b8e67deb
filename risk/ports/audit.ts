/** Who acted on a risk decision: staff (by staff id), storedesk itself, or a buyer (by reference). */
export interface RiskActor {
  kind: 'staff' | 'system' | 'buyer';
  id: string;
}

/** One audited risk action; `detail` holds ids, counts and codes, never personal data. */
export interface RiskAuditEvent {
  shopId: string;
  actor: RiskActor;
  /** Dotted, e.g. `risk.blocklist.add`, `risk.appeal.decide`. */
  action: string;
  subject?: string;
  detail?: Record<string, unknown>;
}

/** The privacy capability's append-only audit log, passed in (`auditLog.record`). */
export type RiskAudit = (event: RiskAuditEvent) => Promise<void> | void;

/**
 * Records an audit event. Our own tables keep the trail that matters for decisions, so a failing
 * sink is reported to `onError` rather than undoing the decision the person just made.
 */
export async function auditQuietly(
  audit: RiskAudit | undefined,
  event: RiskAuditEvent,
  onError?: (error: unknown) => void,
): Promise<void> {
  if (!audit) return;
  try {
    await audit(event);
  } catch (error) {
    onError?.(error);
  }
}
