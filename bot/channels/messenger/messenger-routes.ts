import type { Request, Response, Server } from 'restify';
import { ForbiddenError, UnauthorizedError, ValidationError } from '../../../core/errors';
import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logging';
import type { SecretBox } from '../../../core/crypto';
import type { Db } from '../../../db';
import { rawBodyOf } from '../../../server/http';
import { queryOf, type BotLogic } from '../shared';
import type { MessengerAdapter } from './messenger-adapter';
import { findMessengerPage, setThreadOwner, touchThread, type MessengerPage } from './messenger-store';
import { toActivity, type MessagingEvent } from './to-activity';
import { verifyHubSignature } from './verify-signature';
import { errorForLog } from '../../../core/logging';

/** What the webhook routes need. */
export interface MessengerRoutesContext {
  db: Db;
  secretBox: SecretBox;
  adapter: MessengerAdapter;
  logic: BotLogic;
  appSecret: string;
  verifyToken: string;
  clock: Clock;
  logger?: Logger;
  path: string;
}

interface WebhookEntry {
  id?: string;
  messaging?: MessagingEvent[];
  standby?: MessagingEvent[];
}

async function handleEvent(ctx: MessengerRoutesContext, page: MessengerPage, event: MessagingEvent, standby: boolean): Promise<void> {
  const psid = event.sender?.id;
  if (!psid || event.message?.is_echo) return;
  const at = new Date(event.timestamp ?? ctx.clock.now().getTime());
  if (event.pass_thread_control) {
    await setThreadOwner(ctx.db, page.shopId, page.pageId, psid, 'bot', at);
    return;
  }
  if (event.take_thread_control) {
    await setThreadOwner(ctx.db, page.shopId, page.pageId, psid, 'human', at);
    return;
  }
  if (event.message || event.postback) await touchThread(ctx.db, page.shopId, page.pageId, psid, at);
  // Standby events are messages while another app (the page inbox) owns the thread: the bot stays quiet.
  if (standby) return;
  const activity = toActivity(event, page.shopId, `${ctx.path}#${page.pageId}`);
  if (activity) await ctx.adapter.processActivity(page, activity, ctx.logic);
}

/** `GET` answers the verify-token challenge; `POST` checks `X-Hub-Signature-256` on the raw body, then runs turns. */
export function registerMessengerRoutes(server: Server, ctx: MessengerRoutesContext): void {
  server.get(ctx.path, async (req: Request, res: Response) => {
    const query = queryOf(req);
    if (query.get('hub.mode') !== 'subscribe' || !query.get('hub.challenge')) throw new ValidationError('Expected hub.mode=subscribe with a hub.challenge');
    if (query.get('hub.verify_token') !== ctx.verifyToken) throw new ForbiddenError('The verify token does not match');
    res.setHeader('content-type', 'text/plain');
    res.writeHead(200);
    res.end(query.get('hub.challenge'));
  });

  server.post(ctx.path, async (req: Request, res: Response) => {
    const signature = req.headers['x-hub-signature-256'];
    if (!verifyHubSignature(rawBodyOf(req), typeof signature === 'string' ? signature : undefined, ctx.appSecret)) {
      throw new UnauthorizedError('X-Hub-Signature-256 does not match the body');
    }
    const body = req.body as { object?: unknown; entry?: unknown } | undefined;
    if (!body || body.object !== 'page' || !Array.isArray(body.entry)) throw new ValidationError('Expected a page webhook with entries');
    for (const entry of body.entry as WebhookEntry[]) {
      const page = entry.id ? await findMessengerPage(ctx.db, ctx.secretBox, String(entry.id)) : undefined;
      if (!page) {
        ctx.logger?.warn({ pageId: entry.id }, 'messenger webhook for a page no shop has connected');
        continue;
      }
      const events = [...(entry.messaging ?? []).map((e) => [e, false] as const), ...(entry.standby ?? []).map((e) => [e, true] as const)];
      for (const [event, standby] of events) {
        try {
          await handleEvent(ctx, page, event, standby);
        } catch (error) {
          // Facebook retries anything but a 200, which would replay every other event of the batch.
          ctx.logger?.error({ err: errorForLog(error), pageId: page.pageId }, 'messenger event failed');
        }
      }
    }
    res.send(200, { ok: true });
  });
}
