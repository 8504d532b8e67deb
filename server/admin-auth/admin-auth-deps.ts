import type { Db } from '../../db';
import type { Logger } from '../../core/logging';
import type { RateLimits } from '../../db/rate-limits';
import type { OriginPolicy } from './request-origin';
import type { AuditSink } from './staff-identity';

/** What admin authentication needs; the composition root builds it once from config. */
export interface AdminAuthDeps extends OriginPolicy {
  db: Db;
  logger: Logger;
  /** ENCRYPTION_KEY: 64 hex characters; session cookies are encrypted with a key derived from it. */
  encryptionKey: string;
  /** ADMIN_PASSWORD; without it the standalone login is off and only embedded session tokens work. */
  adminPassword?: string;
  /** SHOPIFY_API_KEY / SHOPIFY_API_SECRET; without them embedded session tokens are refused. */
  shopify?: { apiKey: string; apiSecret: string };
  audit?: AuditSink;
  /** Session lifetime from login, in seconds (default 12 h). */
  sessionTtlSeconds?: number;
  /** The shared counters (`db/rate-limits`); made on `db`, keyed from `encryptionKey`, when absent. */
  rateLimits?: RateLimits;
  /** Sign-ins without success per client address and window; 5 per 15 minutes unless set. */
  loginLimit?: { maxFailures?: number; windowSeconds?: number };
  clock?: () => Date;
}
