import type { Weekday } from '../shops/bot-settings';
import { messagesEn } from './messages-en';
import { messagesMs } from './messages-ms';
import { messagesTa } from './messages-ta';
import { messagesZh } from './messages-zh';

/** What an order-status reply shows, already in the buyer's language. */
export interface OrderStatusView {
  name: string;
  cancelled: boolean;
  fulfilment: string;
  payment?: string;
  tracking: string[];
}

/** Every line the bot says on its own (not from the answer catalog), in one language. */
export interface BotMessages {
  welcome(shop: string, privacyUrl: string): string;
  privacyLink: string;
  whereIsMyOrder: string;
  shipping: string;
  returns: string;
  talkToPerson: string;
  notSure: string;
  askOrderDetails: string;
  askOrderNumber: string;
  askOrderContact: string;
  orderNotMatched: string;
  orderTooManyAttempts: string;
  orderStatus(order: OrderStatusView): string;
  fulfilment: Record<'fulfilled' | 'partial' | 'unfulfilled' | 'restocked', string>;
  trackParcel: string;
  handoffStarted(shop: string): string;
  handoffAway(day: string, time: string, zone: string): string;
  handoffAwayUnknown: string;
  handoffWaiting: string;
  handoffConnected(shop: string): string;
  handoffClosed: string;
  days: Record<Weekday, string>;
  textOnly: string;
}

const byLanguage: Record<string, BotMessages> = { en: messagesEn, zh: messagesZh, ms: messagesMs, ta: messagesTa };

/** The bot's lines in a language; English for any language it has no lines in. */
export function messagesFor(language: string): BotMessages {
  return byLanguage[language] ?? messagesEn;
}

/** English-only lines for situations where the buyer's language is unknown or unsupported. */
export const fallbackLines = {
  languageUnsupported: "Sorry, I can't answer in your language yet. Would you like to talk to a person?",
  notConnected: "Sorry, this chat isn't connected to a shop right now. Please try again later.",
  apology: 'Sorry, something went wrong on my side. Please try again in a moment.',
};

/** Every language's "talk to a person" phrasing, so any of them starts a handoff. */
export const handoffPhrases: readonly string[] = Object.values(byLanguage).map((m) => m.talkToPerson.toLowerCase());
