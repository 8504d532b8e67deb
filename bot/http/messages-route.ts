import type { Request, Response, Server } from 'restify';
import type { ActivityHandler } from 'botbuilder';
import type { StoredeskCloudAdapter } from './storedesk-cloud-adapter';
import { ForbiddenError, UnauthorizedError } from '../../core/errors';
import type { ActivityLimits } from './validate-activity';
import { defaultActivityLimits, validateActivity } from './validate-activity';
import { isLoopback } from './is-loopback';

/** Dependencies of {@link messagesRoute}. */
export interface MessagesRouteDeps {
  adapter: StoredeskCloudAdapter;
  bot: ActivityHandler;
  /** The Bot Framework app id; when empty, only loopback callers are served. */
  appId?: string;
  limits?: ActivityLimits;
  path?: string;
}

const BEARER_JWT = /^Bearer\s+[\w-]+\.[\w-]+\.[\w-]*$/;

function isAuthFailure(error: unknown): boolean {
  const e = error as { name?: unknown; statusCode?: unknown };
  return e?.name === 'AuthenticationError' || e?.statusCode === 401 || e?.statusCode === 403;
}

/**
 * `POST /api/messages` for Azure Bot Service channels. With an app id, every request needs a valid Bot Framework
 * JWT (401 otherwise); without one, only loopback callers get in (403), so a self-hosted box is no open relay.
 * `deliveryMode: "expectReplies"` returns the replies in the body.
 */
export function messagesRoute(deps: MessagesRouteDeps): (server: Server) => void {
  const appId = deps.appId ?? '';
  const limits = deps.limits ?? defaultActivityLimits;
  return (server) => {
    server.post(deps.path ?? '/api/messages', async (req: Request, res: Response) => {
      if (!appId && !isLoopback(req.socket.remoteAddress)) {
        throw new ForbiddenError('This bot accepts Bot Framework requests from this machine only (no MicrosoftAppId is set)');
      }
      const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
      // Refuse what can't be a token before anything else, so no request reaches key fetching without one.
      if (appId && !BEARER_JWT.test(authorization)) throw new UnauthorizedError('A Bot Framework bearer token is required');
      const activity = validateActivity(req.body, limits);
      let result: { status?: number; body?: unknown } | undefined;
      try {
        result = await deps.adapter.processInbound(authorization, activity, (context) => deps.bot.run(context));
      } catch (error) {
        if (isAuthFailure(error)) throw new UnauthorizedError('The Bot Framework token was not accepted');
        throw error;
      }
      const status = result?.status ?? 200;
      if (result?.body === undefined) res.send(status);
      else res.send(status, result.body);
    });
  };
}
