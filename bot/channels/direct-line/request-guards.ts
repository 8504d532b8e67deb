import type { IncomingMessage } from 'node:http';
import { ForbiddenError, UnauthorizedError } from '../../../core/errors';
import type { DirectLineGrant, DirectLineTokens } from './direct-line-tokens';

/** The bearer token of a request, if it carries one. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  return match?.[1];
}

const reasons: Record<string, string> = {
  missing: 'A Direct Line token is required (Authorization: Bearer <token>)',
  malformed: 'The Direct Line token is malformed',
  expired: 'The Direct Line token has expired; refresh it or start again',
  invalid: 'The Direct Line token is not valid',
};

/** Checks a token and, when a conversation is named, that the token is for that conversation (403 otherwise). */
export async function authorize(tokens: DirectLineTokens, token: string | undefined, conversationId?: string): Promise<DirectLineGrant> {
  const check = await tokens.verify(token);
  if (!check.valid) throw new UnauthorizedError(reasons[check.reason]);
  if (conversationId !== undefined && check.grant.conversationId !== conversationId) {
    throw new ForbiddenError('This token is for another conversation');
  }
  return check.grant;
}
