import type { ChannelAccount, TurnContext } from 'botbuilder';
import { ActivityHandler, ActivityTypes } from 'botbuilder';
import { asRawText } from '../privacy';
import type { BotServices, Turn } from './conversation/bot-services';
import { newConversationData } from './conversation/conversation-data';
import { handleMessage } from './conversation/handle-message';
import { messageWithActions } from './conversation/reply-builders';
import { fallbackLines, messagesFor } from './messages';
import { handleBlockedJoin, handleBlockedTurn } from './risk-gate';
import type { BotShop } from './shops';

/** Where the turn's language sits in turn state, so the apology of a crashed turn can use it. */
export const TURN_LANGUAGE_KEY = Symbol('storedesk.turnLanguage');
const MAX_TEXT = 4_000;

/**
 * The storedesk customer-service bot: one shop per conversation, state in that shop's bot storage,
 * every turn logged raw (short retention) and, redacted, to the training corpus.
 */
export class StoredeskBot extends ActivityHandler {
  constructor(private readonly services: BotServices) {
    super();
    this.onMessage(async (context, next) => {
      await this.withTurn(context, async (turn) => {
        const text = (context.activity.text ?? '').slice(0, MAX_TEXT);
        if (await handleBlockedTurn(this.services, turn, text)) return;
        await handleMessage(this.services, turn, text);
      });
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).filter((member: ChannelAccount) => member.id !== context.activity.recipient?.id);
      if (joined.length > 0) await this.withTurn(context, (turn) => this.welcome(turn));
      await next();
    });
  }

  private async welcome(turn: Turn): Promise<void> {
    if (turn.data.handoffId) return;
    const locale = (turn.context.activity.locale ?? '').slice(0, 2).toLowerCase();
    turn.language = ['en', 'zh', 'ms', 'ta'].includes(locale) ? locale : 'en';
    turn.data.language ??= turn.language;
    if (await handleBlockedJoin(this.services, turn)) return;
    const m = messagesFor(turn.language);
    const privacyUrl = privacyNoticeUrl(turn.shop);
    const fromCatalog = turn.shop.answers.topActions(turn.language);
    const buttons = fromCatalog.length > 0 ? fromCatalog : [m.whereIsMyOrder, m.shipping, m.returns, m.talkToPerson].map((title) => ({ title, value: title }));
    await turn.context.sendActivity(messageWithActions(m.welcome(turn.shop.name, privacyUrl), buttons, [{ title: m.privacyLink, url: privacyUrl }]));
  }

  private async withTurn(context: TurnContext, work: (turn: Turn) => Promise<void>): Promise<void> {
    const { services } = this;
    const shop = await services.shops.forActivity(context.activity);
    if (!shop) {
      await context.sendActivity(fallbackLines.notConnected);
      return;
    }
    const { state, data: accessor } = services.stateFor(shop.id);
    await state.load(context);
    const data = await accessor.get(context, newConversationData());
    const activity = context.activity;
    const turn: Turn = { context, shop, data, lines: [], corpus: [], language: data.language ?? 'en' };
    context.turnState.set(TURN_LANGUAGE_KEY, turn.language);
    const line = (sender: 'buyer' | 'bot', text: string) =>
      turn.lines.push({ shopId: shop.id, channelId: activity.channelId, conversationId: activity.conversation.id, sender, text, language: turn.language });
    if (activity.type === ActivityTypes.Message && activity.text) line('buyer', asRawText(activity.text));
    context.onSendActivities(async (_ctx, activities, next) => {
      for (const sent of activities) if (sent.type === ActivityTypes.Message && sent.text) line('bot', sent.text);
      context.turnState.set(TURN_LANGUAGE_KEY, turn.language);
      return next();
    });
    let failed = false;
    let failure: unknown;
    try {
      await work(turn);
    } catch (error) {
      failed = true;
      failure = error;
    }
    // State and log go out together (two round trips at once, not one after the other); the log is
    // written whatever happened, and a failed turn or state write still fails the turn.
    const log = services.turnLog.record(turn.lines.splice(0), turn.corpus.splice(0));
    const [saved, logged] = await Promise.allSettled([failed ? undefined : state.saveChanges(context), log]);
    if (failed) throw failure;
    if (saved.status === 'rejected') throw saved.reason;
    if (logged.status === 'rejected') throw logged.reason;
  }
}

/** The shop's privacy notice: its own setting, else Shopify's standard policy page. */
export function privacyNoticeUrl(shop: BotShop): string {
  return shop.settings.privacyNoticeUrl ?? `https://${shop.domain}/policies/privacy-policy`;
}
