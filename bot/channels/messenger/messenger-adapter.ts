import { BotAdapter, TurnContext } from 'botbuilder';
import type { Activity, ConversationReference, ResourceResponse } from 'botbuilder';
import type { Clock } from '../../../core/clock';
import { systemClock } from '../../../core/clock';
import type { SecretBox } from '../../../core/crypto';
import { AppError, NotFoundError } from '../../../core/errors';
import type { Db } from '../../../db';
import type { BotLogic } from '../shared';
import type { GraphClient } from './graph-client';
import { sendPolicy } from './messaging-window';
import { findMessengerPage, findThread, setThreadOwner, type MessengerPage } from './messenger-store';
import { MESSENGER_CHANNEL } from './to-activity';
import { toMessengerMessages } from './to-messenger-messages';

/** Dependencies of {@link MessengerAdapter}. */
export interface MessengerAdapterDeps {
  db: Db;
  secretBox: SecretBox;
  graph: GraphClient;
  clock?: Clock;
}

const PAGE_KEY = Symbol('storedesk.messenger.page');
/** Set on a turn whose sends are a member of staff speaking (HUMAN_AGENT tag after 24 hours). */
export const HUMAN_AGENT_KEY = Symbol('storedesk.messenger.humanAgent');

/** Messenger as a botbuilder adapter: turns in process, replies through the Send API. */
export class MessengerAdapter extends BotAdapter {
  private readonly clock: Clock;

  constructor(private readonly deps: MessengerAdapterDeps) {
    super();
    this.clock = deps.clock ?? systemClock;
  }

  /** Runs one turn for a buyer's activity on a connected page. */
  async processActivity(page: MessengerPage, activity: Partial<Activity>, logic: BotLogic, humanAgent = false): Promise<void> {
    const context = new TurnContext(this, activity);
    context.turnState.set(PAGE_KEY, page);
    if (humanAgent) context.turnState.set(HUMAN_AGENT_KEY, true);
    await this.runMiddleware(context, logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const page = context.turnState.get(PAGE_KEY) as MessengerPage | undefined;
    const psid = context.activity.from?.id;
    if (!page || !psid) throw new AppError('messenger_no_thread', 'This turn has no Messenger thread to reply to');
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'event' && activity.name === 'storedesk.handoff') {
        await this.handover(page, psid, activity.value as { status?: string; message?: string } | undefined, context);
        responses.push({ id: '' });
      } else if (activity.type === 'typing') {
        await this.deps.graph.sendMessage(page.accessToken, { recipient: { id: psid }, sender_action: 'typing_on' });
        responses.push({ id: '' });
      } else if (activity.type === undefined || activity.type === 'message') {
        responses.push({ id: await this.sendMessage(page, psid, activity, context.turnState.get(HUMAN_AGENT_KEY) === true) });
      } else {
        responses.push({ id: '' });
      }
    }
    return responses;
  }

  override async updateActivity(): Promise<void> {
    throw new AppError('not_supported', 'Messenger messages cannot be edited', { status: 501 });
  }

  override async deleteActivity(): Promise<void> {
    throw new AppError('not_supported', 'Messenger messages cannot be deleted', { status: 501 });
  }

  /** Runs `logic` in a page thread; `reference.bot.id` is the page, `reference.user.id` the person (PSID). */
  override async continueConversation(reference: Partial<ConversationReference>, logic: BotLogic): Promise<void> {
    await this.continueAs(reference, logic, false);
  }

  /** Like `continueConversation`, with sends marked as a human agent's (staff replies). */
  async continueAs(reference: Partial<ConversationReference>, logic: BotLogic, humanAgent: boolean): Promise<void> {
    const [psidFromId, pageFromId] = (reference.conversation?.id ?? '').split('-');
    const pageId = reference.bot?.id ?? pageFromId;
    const psid = reference.user?.id ?? psidFromId;
    const page = pageId ? await findMessengerPage(this.deps.db, this.deps.secretBox, pageId) : undefined;
    if (!page || !psid) throw new NotFoundError('Messenger thread not found');
    const activity = TurnContext.applyConversationReference(
      { type: 'event', name: 'ContinueConversation', channelData: { shopId: page.shopId, pageId } },
      { ...reference, channelId: MESSENGER_CHANNEL, user: { id: psid, name: '' }, bot: { id: page.pageId, name: '' } },
      true,
    );
    await this.processActivity(page, activity, logic, humanAgent);
  }

  private async sendMessage(page: MessengerPage, psid: string, activity: Partial<Activity>, humanAgent: boolean): Promise<string> {
    const thread = await findThread(this.deps.db, page.shopId, page.pageId, psid);
    const tag = (activity.channelData as { tag?: string } | undefined)?.tag;
    const policy = sendPolicy(thread?.lastUserMessageAt, this.clock.now(), { humanAgent, tag });
    if (!policy.allowed) {
      throw new AppError('messenger_window_closed', `Messenger refuses this message outside the 24-hour window (${policy.reason})`, { status: 409, details: { reason: policy.reason } });
    }
    let lastId = '';
    for (const message of toMessengerMessages(activity)) {
      const sent = await this.deps.graph.sendMessage(page.accessToken, {
        recipient: { id: psid },
        messaging_type: policy.messagingType,
        ...(policy.tag ? { tag: policy.tag } : {}),
        message,
      });
      lastId = sent.message_id ?? lastId;
    }
    return lastId;
  }

  /** Handover protocol: the page inbox (or the configured app) gets the thread while staff own it. */
  private async handover(page: MessengerPage, psid: string, value: { status?: string; message?: string } | undefined, context: TurnContext): Promise<void> {
    if (value?.message) await this.sendMessage(page, psid, { type: 'message', text: value.message }, context.turnState.get(HUMAN_AGENT_KEY) === true);
    const now = this.clock.now();
    if (value?.status === 'connected') {
      await this.deps.graph.passThreadControl(page.accessToken, psid, page.humanAppId, 'storedesk handoff');
      await setThreadOwner(this.deps.db, page.shopId, page.pageId, psid, 'human', now);
    } else if (value?.status === 'closed') {
      await this.deps.graph.takeThreadControl(page.accessToken, psid, 'storedesk handoff closed');
      await setThreadOwner(this.deps.db, page.shopId, page.pageId, psid, 'bot', now);
    }
  }
}
