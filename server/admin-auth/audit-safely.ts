import type { Logger } from '../../core/logging';
import type { AuditEvent, AuditSink } from './staff-identity';
import { errorForLog } from '../../core/logging';

/** Sends an audit event; a failing sink is logged, and the staff member's action still completes. */
export async function auditSafely(audit: AuditSink | undefined, logger: Logger, event: AuditEvent): Promise<void> {
  if (!audit) return;
  try {
    await audit(event);
  } catch (error) {
    logger.error({ err: errorForLog(error), action: event.action }, 'audit sink failed');
  }
}
