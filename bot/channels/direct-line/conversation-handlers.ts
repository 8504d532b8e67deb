import { randomBytes } from 'node:crypto';
import type { Request } from 'restify';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../../core/errors';
import { clientAddress, queryOf, resolveShop } from '../shared';
import { createConversation, findConversation, markStarted, type DirectLineConversation } from './conversation-store';
import { DIRECT_LINE_CHANNEL } from './direct-line-adapter';
import type { DirectLineContext } from './direct-line-context';
import { addressOf } from './direct-line-limits';
import type { DirectLineGrant } from './direct-line-tokens';
import { authorize, bearerToken } from './request-guards';
import { publicOrigin, streamUrlFor } from './stream-url';

const generateBody = z.object({
  shop: z.string().min(1).max(255).optional(),
  deviceId: z.string().regex(/^[\w-]{8,64}$/, 'must be 8-64 letters, digits, - or _').optional(),
  locale: z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/).optional(),
});

/** Body-shaped errors name the field, so the widget author sees what to fix. */
function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(`${issue?.path.join('.') || 'body'} ${issue?.message ?? 'is invalid'}`);
  }
  return parsed.data;
}

/** `POST /tokens/generate`: the widget's public exchange; a shop id or domain buys one new conversation. */
export async function generateToken(ctx: DirectLineContext, req: Request) {
  await ctx.limiter.enforce([{ budget: 'generatePerIp', subject: addressOf(ctx, req) }]);
  const body = parse(generateBody, Buffer.isBuffer(req.body) ? {} : req.body);
  const shopRef = body.shop ?? queryOf(req).get('shop') ?? undefined;
  if (!shopRef) throw new ValidationError('shop is required (the shop id or myshopify domain)');
  const shop = await resolveShop(ctx.db, shopRef);
  if (!shop) throw new NotFoundError('No installed shop has that id or domain');
  const conversation = await createConversation(ctx.db, {
    id: randomBytes(16).toString('base64url'),
    shopId: shop.id,
    userId: `dl_${randomBytes(12).toString('base64url')}`,
    deviceId: body.deviceId,
    locale: body.locale,
  });
  const issued = await ctx.tokens.issue({ conversationId: conversation.id, userId: conversation.userId, shopId: shop.id });
  return { conversationId: conversation.id, token: issued.token, expires_in: issued.expiresIn };
}

async function conversationOf(ctx: DirectLineContext, grant: DirectLineGrant): Promise<DirectLineConversation> {
  const conversation = await findConversation(ctx.db, grant.shopId, grant.conversationId);
  if (!conversation) throw new NotFoundError('Conversation not found');
  return conversation;
}

/**
 * Grants and limits shared by every conversation endpoint. The token is checked before anything is
 * counted: checking it costs no I/O, so a request without a valid token is refused without costing a
 * statement, and nobody can spend a conversation's budget without its token. A posted message counts
 * against its address and its conversation in the same statement.
 */
export async function guard(
  ctx: DirectLineContext,
  req: Request,
  conversationId?: string,
  options: { message?: boolean } = {},
): Promise<{ grant: DirectLineGrant; conversation: DirectLineConversation }> {
  if (conversationId !== undefined && !/^[\w-]{1,64}$/.test(conversationId)) throw new NotFoundError('Conversation not found');
  const grant = await authorize(ctx.tokens, bearerToken(req), conversationId);
  await ctx.limiter.enforce([
    { budget: 'perIp', subject: addressOf(ctx, req) },
    ...(options.message ? [{ budget: 'perConversation' as const, subject: grant.conversationId }] : []),
  ]);
  return { grant, conversation: await conversationOf(ctx, grant) };
}

async function describe(ctx: DirectLineContext, req: Request, grant: DirectLineGrant, watermark?: number) {
  const issued = await ctx.tokens.issue(grant);
  const origin = publicOrigin(req, ctx.publicUrl, ctx.trustProxy);
  return {
    conversationId: grant.conversationId,
    token: issued.token,
    expires_in: issued.expiresIn,
    streamUrl: streamUrlFor(origin, grant.conversationId, issued.token, watermark),
  };
}

/** `POST /conversations`: starts the token's conversation; the first start greets through a conversationUpdate turn. */
export async function startConversation(ctx: DirectLineContext, req: Request): Promise<{ status: number; body: unknown }> {
  const { grant, conversation } = await guard(ctx, req);
  const started = await markStarted(ctx.db, grant.shopId, grant.conversationId, ctx.clock.now());
  if (started) {
    await ctx.turns.run(grant.conversationId, () =>
      ctx.adapter.processActivity(
        grant.shopId,
        {
          type: 'conversationUpdate',
          id: `${grant.conversationId}|start`,
          channelId: DIRECT_LINE_CHANNEL,
          serviceUrl: `${publicOrigin(req, ctx.publicUrl, ctx.trustProxy)}/v3/directline`,
          conversation: { id: grant.conversationId, isGroup: false, conversationType: 'personal', name: '' },
          from: { id: grant.userId, name: '', role: 'user' },
          recipient: { id: ctx.adapter.bot.id, name: ctx.adapter.bot.name, role: 'bot' },
          membersAdded: [{ id: grant.userId, name: '' }],
          locale: conversation.locale ?? undefined,
          timestamp: ctx.clock.now(),
          channelData: { shopId: grant.shopId, clientIp: clientAddress(req, ctx.trustProxy), ...(conversation.deviceId ? { deviceId: conversation.deviceId } : {}) },
        },
        ctx.logic,
      ),
    );
  }
  return { status: started ? 201 : 200, body: await describe(ctx, req, grant) };
}

/** `GET /conversations/{id}?watermark=`: reconnects, with a fresh token and stream URL. */
export async function reconnect(ctx: DirectLineContext, req: Request, conversationId: string, watermark?: number) {
  const { grant } = await guard(ctx, req, conversationId);
  return describe(ctx, req, grant, watermark);
}

/** `POST /tokens/refresh`: a new token for the same conversation. */
export async function refreshToken(ctx: DirectLineContext, req: Request) {
  const { grant } = await guard(ctx, req);
  const issued = await ctx.tokens.issue(grant);
  return { conversationId: grant.conversationId, token: issued.token, expires_in: issued.expiresIn };
}
