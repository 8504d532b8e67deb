import type { SecretBox } from '../../core/crypto';
import type { Logger } from '../../core/logging';
import type { Database } from '../../db';
import {
  createAuditLog,
  createComplianceHandler,
  createPseudonymizer,
  createRetention,
  createSubjectRights,
  staffAuditSink,
  tableRetentionTargets,
  type AuditLog,
  type ComplianceHandler,
  type Pseudonymizer,
  type SubjectRights,
} from '../../privacy';

/** privacy/'s services, built once per process. */
export interface PrivacyServices {
  auditLog: AuditLog;
  audit: ReturnType<typeof staffAuditSink>;
  pseudonymizer: Pseudonymizer;
  retention: ReturnType<typeof createRetention>;
  subjectRights: SubjectRights;
  compliance: ComplianceHandler;
}

/** Builds the audit log, pseudonymizer, retention and subject rights over the database. */
export function composePrivacy(deps: { database: Database; secrets: SecretBox; logger: Logger }): PrivacyServices {
  const { db } = deps.database;
  const auditLog = createAuditLog({ db });
  const pseudonymizer = createPseudonymizer({ db, secrets: deps.secrets });
  const retention = createRetention({ db, auditLog, targets: tableRetentionTargets(db), logger: deps.logger });
  const subjectRights = createSubjectRights({ db, secrets: deps.secrets, pseudonymizer, auditLog, logger: deps.logger });
  return {
    auditLog,
    audit: staffAuditSink(auditLog),
    pseudonymizer,
    retention,
    subjectRights,
    compliance: createComplianceHandler({ subjectRights }),
  };
}
