export type { RiskAudit, RiskAuditEvent, RiskActor } from './audit';
export { auditQuietly } from './audit';
export type { AppealNotifier, AppealNotice } from './appeal-notifier';
export type { RiskServiceDeps, RiskWriteBack } from './risk-service-deps';
