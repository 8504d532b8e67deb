export { createAuditLog, staffAuditSink } from './create-audit-log';
export type { AuditLog, AuditFilters, AuditPage } from './create-audit-log';
export { parseAuditEvent, ACTOR_KINDS } from './audit-event';
export type { AuditEvent, AuditEntry, ActorKind } from './audit-event';
export { auditRoutes } from './audit-routes';
export type { AuthenticateStaffRequest } from './audit-routes';
