import type { IncomingMessage } from 'node:http';
import { hashBuyerIdentifiers, verifySubject, type BuyerIdentifiers } from '../appeals';
import type { RiskServiceDeps } from '../ports';
import type { WindowLimit } from '../store';

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

/**
 * The caller's IP: the socket's, or behind a reverse proxy we were told to trust, the address that
 * proxy put last in X-Forwarded-For (entries before it are whatever the client sent).
 */
export function requestIp(req: IncomingMessage, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const last = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((part) => part.trim()).filter(Boolean).at(-1);
    if (last) return last;
  }
  return req.socket.remoteAddress ?? undefined;
}

// IPs and identifiers become keyed hashes before they are counted: the table holds nothing personal.
const ipKey = (deps: RiskServiceDeps, ip: string | undefined) => (ip ? (hashBuyerIdentifiers(deps.hasher, { ip })[0] ?? 'ip:unparsed') : 'ip:unknown');

/** The limits one filing counts against: its IP, and each identifier it names (from the link or typed in). */
export function filingLimits(deps: RiskServiceDeps, limits: AppealRateLimits, input: { ip?: string; subjectToken?: string; subject: BuyerIdentifiers }): WindowLimit[] {
  const fromToken = input.subjectToken ? (verifySubject(deps.appealLinkKey, input.subjectToken, deps.clock.now())?.keys ?? []) : [];
  const identifiers = [...new Set([...fromToken, ...hashBuyerIdentifiers(deps.hasher, input.subject)])].slice(0, 10);
  return [
    { key: `file|${ipKey(deps, input.ip)}`, ...limits.filesPerIp },
    ...identifiers.map((key) => ({ key: `file|${key}`, ...limits.filesPerIdentifier })),
  ];
}

/** The limits one status look-up counts against. */
export function lookupLimits(deps: RiskServiceDeps, limits: AppealRateLimits, input: { ip?: string; reference?: string }): WindowLimit[] {
  return [
    { key: `lookup|${ipKey(deps, input.ip)}`, ...limits.lookupsPerIp },
    ...(input.reference ? [{ key: `lookup|ref:${input.reference}`, ...limits.lookupsPerReference }] : []),
  ];
}
