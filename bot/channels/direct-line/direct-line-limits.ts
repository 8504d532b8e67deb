import type { IncomingMessage } from 'node:http';
import type { Clock } from '../../../core/clock';
import { RateLimitedError } from '../../../core/errors';
import type { Logger } from '../../../core/logging';
import type { RateLimits } from '../../../db/rate-limits';
import { clientAddress, createRateLimiter, type RateLimit, type RateLimiter } from '../shared';
import { errorForLog } from '../../../core/logging';

/** Request rates of the Direct Line endpoints. */
export interface DirectLineRates {
  /** New conversations per IP (the public token exchange); 20 a minute unless set. */
  generatePerIp: RateLimit;
  /** Any Direct Line request or socket per IP; 600 a minute unless set. */
  perIp: RateLimit;
  /** Posted activities per conversation (token); 30 a minute unless set. */
  perConversation: RateLimit;
}

type Budget = keyof DirectLineRates;

const SCOPES: Record<Budget, string> = {
  generatePerIp: 'direct-line.generate-ip',
  perIp: 'direct-line.ip',
  perConversation: 'direct-line.conversation',
};

const WHAT: Record<string, string> = {
  [SCOPES.generatePerIp]: 'new conversations from this address',
  [SCOPES.perIp]: 'requests from this address',
  [SCOPES.perConversation]: 'messages in this conversation',
};

/** The address a request's per-IP budgets count against (the last X-Forwarded-For entry under TRUST_PROXY). */
export function addressOf(ctx: { trustProxy: boolean }, req: IncomingMessage): string {
  return clientAddress(req, ctx.trustProxy) ?? 'unknown';
}

/** Counts Direct Line requests against budgets every web process shares; over one, a 429 with Retry-After. */
export interface DirectLineLimiter {
  enforce(attempts: ReadonlyArray<{ budget: Budget; subject: string }>): Promise<void>;
}

/**
 * One statement per request, whatever the number of budgets it counts against. If the database can't
 * count (a failover, a full pool), the request goes ahead under this process's own counters: these
 * budgets protect capacity, not a secret, so failing closed would turn a database hiccup into refused
 * buyers (or a 500) while failing open to local counters still bounds a flood at N times the budget.
 */
export function createDirectLineLimiter(deps: { rateLimits: RateLimits; rates: DirectLineRates; clock: Clock; logger?: Logger }): DirectLineLimiter {
  const local = Object.fromEntries(Object.entries(deps.rates).map(([budget, rate]) => [budget, createRateLimiter(rate, deps.clock)])) as Record<Budget, RateLimiter>;
  let lastWarning = 0;

  function refuse(retryAfterSeconds: number, scope: string): never {
    throw new RateLimitedError(retryAfterSeconds, `Too many ${WHAT[scope] ?? 'requests'}; retry in ${retryAfterSeconds} s`);
  }

  return {
    async enforce(attempts) {
      const now = deps.clock.now();
      let decision;
      try {
        decision = await deps.rateLimits.take(
          attempts.map(({ budget, subject }) => ({ limit: { scope: SCOPES[budget], max: deps.rates[budget].limit, windowMs: deps.rates[budget].windowMs }, subject })),
          now,
        );
      } catch (error) {
        if (now.getTime() - lastWarning > 10_000) {
          lastWarning = now.getTime();
          deps.logger?.warn({ err: errorForLog(error) }, 'direct line rate limits unavailable; counting in this process');
        }
        for (const { budget, subject } of attempts) {
          const fallback = local[budget].take(subject);
          if (!fallback.allowed) refuse(fallback.retryAfterSeconds, SCOPES[budget]);
        }
        return;
      }
      if (!decision.allowed) refuse(decision.retryAfterSeconds, decision.scope);
    },
  };
}
