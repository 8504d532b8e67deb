import type { RateLimitAttempt } from '../../db/rate-limits';
import { hashBuyerIdentifiers, verifySubject, type BuyerIdentifiers } from '../appeals';
import type { RiskServiceDeps } from '../ports';

/** At most `max` attempts per `windowMs`. */
export interface AppealRate {
  max: number;
  windowMs: number;
}

/** The public appeal form's budgets: filing per IP and per buyer identifier, status look-ups per IP and per reference. */
export interface AppealRateLimits {
  filesPerIp: AppealRate;
  filesPerIdentifier: AppealRate;
  lookupsPerIp: AppealRate;
  lookupsPerReference: AppealRate;
}

const HOUR = 3_600_000;

/**
 * Generous for a person (one appeal is enough; an open one is never duplicated), tight for a script
 * filling the review queue or guessing references.
 */
export const DEFAULT_APPEAL_RATE_LIMITS: AppealRateLimits = {
  filesPerIp: { max: 10, windowMs: HOUR },
  filesPerIdentifier: { max: 5, windowMs: HOUR },
  lookupsPerIp: { max: 60, windowMs: HOUR / 6 },
  lookupsPerReference: { max: 30, windowMs: HOUR / 6 },
};

// Each budget is per shop; the shared store keeps only a keyed hash of the subject, so the IP can go in
// as it is. Identifiers go in as the risk hashes the appeal link carries, so a typed email and the same
// buyer's link count as one.
const attempt = (scope: string, rate: AppealRate, shopId: string, subject: string): RateLimitAttempt => ({
  limit: { scope, max: rate.max, windowMs: rate.windowMs },
  subject: `${shopId}|${subject}`,
});

/** The limits one filing counts against: its IP, and each identifier it names (from the link or typed in). */
export function filingLimits(
  deps: RiskServiceDeps,
  limits: AppealRateLimits,
  input: { shopId: string; ip?: string; subjectToken?: string; subject: BuyerIdentifiers },
): RateLimitAttempt[] {
  const fromToken = input.subjectToken ? (verifySubject(deps.appealLinkKey, input.subjectToken, deps.clock.now())?.keys ?? []) : [];
  const identifiers = [...new Set([...fromToken, ...hashBuyerIdentifiers(deps.hasher, input.subject)])].slice(0, 10);
  return [
    attempt('appeal.file-ip', limits.filesPerIp, input.shopId, input.ip ?? 'unknown'),
    ...identifiers.map((key) => attempt('appeal.file-identifier', limits.filesPerIdentifier, input.shopId, key)),
  ];
}

/** The limits one status look-up counts against. */
export function lookupLimits(limits: AppealRateLimits, input: { shopId: string; ip?: string; reference?: string }): RateLimitAttempt[] {
  return [
    attempt('appeal.lookup-ip', limits.lookupsPerIp, input.shopId, input.ip ?? 'unknown'),
    ...(input.reference ? [attempt('appeal.lookup-reference', limits.lookupsPerReference, input.shopId, input.reference)] : []),
  ];
}
