import type { Request } from 'restify';

/** Who is calling `/api/admin/*`, and for which shop. The shop never comes from the request itself. */
export interface StaffIdentity {
  shopId: string;
  /** `shopify-user:<id>` for embedded staff, `admin` for the installation's password login. */
  actor: string;
  via: 'session-token' | 'password';
}

/** Resolves the staff identity of a request or throws `UnauthorizedError` / `ForbiddenError`. */
export type AuthenticateStaff = (req: Request) => Promise<StaffIdentity>;

/**
 * One audited action. The privacy capability owns the audit log; this is the shape the admin emits.
 * `detail` must never hold personal data.
 */
export interface AuditEvent {
  shopId: string;
  actor: string;
  action: string;
  subject?: string;
  detail?: Record<string, unknown>;
}

/** Where audit events go; a failing sink must not break the request, so callers catch and log. */
export type AuditSink = (event: AuditEvent) => void | Promise<void>;
