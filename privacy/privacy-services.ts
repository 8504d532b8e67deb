import type { SecretBox } from '../core/crypto';
import type { Logger } from '../core/logging';
import type { Database } from '../db';
import { createAuditLog, staffAuditSink, type AuditLog } from './audit';
import { createPseudonymizer, type Pseudonymizer } from './keys';
import { createRetention, tableRetentionTargets, type RetentionTarget } from './retention';
import { createComplianceHandler, createSubjectRights, type ComplianceHandler, type SubjectDataHolder, type SubjectRights } from './subject-rights';

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
export function createPrivacyServices(deps: {
  database: Database;
  secrets: SecretBox;
  logger: Logger;
  /** Other capabilities' data about buyers (bot transcripts, audience tags, risk links). */
  holders?: SubjectDataHolder[];
  /** Other capabilities' raw data with a retention limit. */
  retentionTargets?: RetentionTarget[];
}): PrivacyServices {
  const { db } = deps.database;
  const auditLog = createAuditLog({ db });
  const pseudonymizer = createPseudonymizer({ db, secrets: deps.secrets });
  const retention = createRetention({ db, auditLog, targets: [...tableRetentionTargets(db), ...(deps.retentionTargets ?? [])], logger: deps.logger });
  const subjectRights = createSubjectRights({ db, secrets: deps.secrets, pseudonymizer, auditLog, logger: deps.logger, holders: deps.holders });
  return {
    auditLog,
    audit: staffAuditSink(auditLog),
    pseudonymizer,
    retention,
    subjectRights,
    compliance: createComplianceHandler({ subjectRights }),
  };
}
