import type { Activity } from 'botbuilder';
import type { Request } from 'restify';
import { NotFoundError, ValidationError } from '../../../core/errors';
import { rawBodyOf } from '../../../server/http';
import { activitiesSince, appendActivities } from './conversation-store';
import { DIRECT_LINE_CHANNEL } from './direct-line-adapter';
import type { DirectLineContext } from './direct-line-context';
import { guard } from './conversation-handlers';
import { clientAddress, queryOf } from '../shared';
import { parseWatermark, publicOrigin } from './stream-url';
import { validateInboundActivity } from './validate-inbound-activity';
import { errorForLog } from '../../../core/logging';

const DEVICE_ID = /^[\w-]{8,64}$/;

/**
 * `POST /conversations/{id}/activities`: stores the buyer's activity, then runs the bot's turn before
 * answering, so the replies are in the log (and on the socket) by the time the post returns.
 */
export async function postActivity(ctx: DirectLineContext, req: Request, conversationId: string): Promise<{ id: string }> {
  const { grant, conversation } = await guard(ctx, req, conversationId, { message: true });
  const inbound = validateInboundActivity(req.body, rawBodyOf(req).length, ctx.limits);
  const clientDevice = inbound.channelData?.deviceId;
  const deviceId = conversation.deviceId ?? (typeof clientDevice === 'string' && DEVICE_ID.test(clientDevice) ? clientDevice : undefined);
  const record = JSON.parse(
    JSON.stringify({
      ...inbound,
      channelId: DIRECT_LINE_CHANNEL,
      serviceUrl: `${publicOrigin(req, ctx.publicUrl, ctx.trustProxy)}/v3/directline`,
      conversation: { id: conversationId },
      from: { id: grant.userId, name: inbound.from?.name, role: 'user' },
      recipient: { id: ctx.adapter.bot.id, name: ctx.adapter.bot.name, role: 'bot' },
      timestamp: ctx.clock.now().toISOString(),
      // Set by the server after the client's fields, so a client can't claim another shop or address.
      channelData: { ...inbound.channelData, shopId: grant.shopId, deviceId, clientIp: undefined },
      locale: inbound.locale ?? conversation.locale ?? undefined,
    }),
  ) as Record<string, unknown>;
  return ctx.turns.run(conversationId, async () => {
    const [stored] = await appendActivities(ctx.db, grant.shopId, conversationId, [record]);
    if (!stored) throw new NotFoundError('Conversation not found');
    await ctx.notifier.publish(conversationId);
    // The buyer's IP goes to the turn (the risk gate's block check) but is not stored with the activity.
    const channelData = { ...(stored.activity.channelData as Record<string, unknown>), clientIp: clientAddress(req, ctx.trustProxy) };
    const activity = { ...stored.activity, channelData, timestamp: new Date(String(stored.activity.timestamp)) } as unknown as Activity;
    try {
      await ctx.adapter.processActivity(grant.shopId, activity, ctx.logic);
    } catch (error) {
      // The buyer's message is stored; a failed turn (already apologised for by onTurnError, if set) must not turn the post into a 500.
      ctx.logger?.error({ err: errorForLog(error), conversationId }, 'direct line turn failed');
    }
    return { id: String(stored.activity.id) };
  });
}

/** `GET /conversations/{id}/activities?watermark=`: polling. */
export async function listActivities(ctx: DirectLineContext, req: Request, conversationId: string) {
  const watermark = parseWatermark(queryOf(req).get('watermark') ?? undefined);
  if (watermark === null) throw new ValidationError('watermark must be a non-negative integer');
  const { grant } = await guard(ctx, req, conversationId);
  const rows = await activitiesSince(ctx.db, grant.shopId, conversationId, watermark ?? 0);
  const last = rows.at(-1)?.watermark ?? watermark ?? 0;
  return { activities: rows.map((row) => row.activity), watermark: String(last) };
}
