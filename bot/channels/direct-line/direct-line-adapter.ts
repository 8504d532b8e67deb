import { BotAdapter, TurnContext } from 'botbuilder';
import type { Activity, ConversationReference, ResourceResponse } from 'botbuilder';
import type { Clock } from '../../../core/clock';
import { systemClock } from '../../../core/clock';
import { AppError, NotFoundError } from '../../../core/errors';
import type { Db } from '../../../db';
import type { BotLogic } from '../shared';
import type { ActivityNotifier } from './activity-notifier';
import { appendActivities, shopOfConversation } from './conversation-store';

/** Dependencies of {@link DirectLineAdapter}. */
export interface DirectLineAdapterDeps {
  db: Db;
  notifier: ActivityNotifier;
  clock?: Clock;
  /** The bot's account in conversations; `storedesk-bot` / `Shop assistant` unless set. */
  bot?: { id: string; name: string };
}

/** The Direct Line channel id, as Azure's Direct Line uses, so botbuilder treats the channel alike. */
export const DIRECT_LINE_CHANNEL = 'directline';
const SHOP_KEY = Symbol('storedesk.directLine.shopId');
const MAX_DELAY_MS = 5_000;

/**
 * Runs bot turns in process for the built-in Direct Line: the bot's replies are appended to the
 * conversation's activity log (and announced to sockets) instead of being POSTed to a connector.
 */
export class DirectLineAdapter extends BotAdapter {
  readonly bot: { id: string; name: string };
  private readonly clock: Clock;

  constructor(private readonly deps: DirectLineAdapterDeps) {
    super();
    this.bot = deps.bot ?? { id: 'storedesk-bot', name: 'Shop assistant' };
    this.clock = deps.clock ?? systemClock;
  }

  /** Runs one turn for an activity already stored in the shop's conversation. */
  async processActivity(shopId: string, activity: Partial<Activity>, logic: BotLogic): Promise<void> {
    const context = new TurnContext(this, activity);
    context.turnState.set(SHOP_KEY, shopId);
    await this.runMiddleware(context, logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const shopId = context.turnState.get(SHOP_KEY) as string | undefined;
    const conversationId = context.activity.conversation?.id;
    if (!shopId || !conversationId) throw new AppError('direct_line_no_conversation', 'This turn has no Direct Line conversation to reply to');
    const responses: ResourceResponse[] = [];
    const batch: Record<string, unknown>[] = [];
    const flush = async () => {
      const stored = await appendActivities(this.deps.db, shopId, conversationId, batch.splice(0));
      for (const item of stored) responses.push({ id: String(item.activity.id) });
      if (stored.length > 0) await this.deps.notifier.publish(conversationId);
    };
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await flush();
        await new Promise((resolve) => setTimeout(resolve, Math.min(Number(activity.value) || 0, MAX_DELAY_MS)));
        responses.push({ id: '' });
      } else if (activity.type === 'invokeResponse' || activity.type === 'trace') {
        responses.push({ id: '' });
      } else {
        batch.push(this.outgoing(context, activity));
      }
    }
    await flush();
    return responses;
  }

  override async updateActivity(): Promise<void> {
    throw new AppError('not_supported', 'The built-in Direct Line does not update sent activities', { status: 501 });
  }

  override async deleteActivity(): Promise<void> {
    throw new AppError('not_supported', 'The built-in Direct Line does not delete sent activities', { status: 501 });
  }

  /** Runs `logic` in an existing conversation (staff replies, proactive messages). */
  override async continueConversation(reference: Partial<ConversationReference>, logic: BotLogic): Promise<void> {
    const conversationId = reference.conversation?.id;
    const shopId = conversationId ? await shopOfConversation(this.deps.db, conversationId) : undefined;
    if (!shopId) throw new NotFoundError('Direct Line conversation not found');
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'ContinueConversation' }, { ...reference, channelId: DIRECT_LINE_CHANNEL }, true);
    await this.processActivity(shopId, activity, logic);
  }

  private outgoing(context: TurnContext, activity: Partial<Activity>): Record<string, unknown> {
    const incoming = context.activity;
    const user = incoming.from?.role === 'bot' ? incoming.recipient : incoming.from;
    const shaped = {
      ...activity,
      type: activity.type ?? 'message',
      channelId: DIRECT_LINE_CHANNEL,
      conversation: { id: incoming.conversation.id },
      from: { id: this.bot.id, name: activity.from?.name ?? this.bot.name, role: 'bot' },
      recipient: user ? { id: user.id, role: 'user' } : undefined,
      replyToId: activity.replyToId ?? (incoming.type === 'message' ? incoming.id : undefined),
      timestamp: this.clock.now().toISOString(),
      serviceUrl: undefined,
      id: undefined,
    };
    return JSON.parse(JSON.stringify(shaped)) as Record<string, unknown>;
  }
}
