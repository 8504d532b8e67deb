import { TurnContext } from 'botbuilder';
import { fileAppeal, isBlocked, type BlockedStatus, type BuyerIdentifiers } from '../../risk';
import type { BotServices, Turn } from '../conversation/bot-services';
import { messageWithActions } from '../conversation/reply-builders';
import { turnLanguage } from '../conversation/turn-language';
import { appealWords, blockedLinesFor, skipWords, type BlockedLines } from './blocked-lines';
import { errorForLog } from '../../core/logging';

const APPEAL_STEP_MS = 30 * 60_000;
const LANGUAGES = ['en', 'zh', 'ms', 'ta'];

/** The language to refuse in: this message's, else the conversation's (a typed email or reference says nothing). */
function languageOf(services: BotServices, turn: Turn, text: string): string {
  const detected = text.trim() ? turnLanguage(text, turn.data.language, services.detectLanguage) : 'other';
  const language = detected === 'other' ? (turn.data.language ?? turn.language) : detected;
  return LANGUAGES.includes(language) ? language : 'en';
}

/** The identifiers the channel and this conversation give: device, IP, and email/phone typed for an order lookup. */
export function buyerIdentifiersOf(turn: Turn): BuyerIdentifiers {
  const channelData = (turn.context.activity.channelData ?? {}) as { deviceId?: unknown; clientIp?: unknown };
  const text = (value: unknown, max: number) => (typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined);
  const identifiers: BuyerIdentifiers = {
    device: text(channelData.deviceId, 200),
    ip: text(channelData.clientIp, 64),
    email: text(turn.data.pendingOrder?.email, 320),
    phone: text(turn.data.pendingOrder?.phone, 40),
  };
  return Object.fromEntries(Object.entries(identifiers).filter(([, value]) => value !== undefined)) as BuyerIdentifiers;
}

async function statusOf(services: BotServices, turn: Turn): Promise<BlockedStatus> {
  const risk = services.risk!;
  const identifiers = buyerIdentifiersOf(turn);
  if (Object.keys(identifiers).length === 0) return { blocked: false, reasons: [] };
  const activity = turn.context.activity;
  const key = `${turn.shop.id}|${activity.channelId}|${activity.conversation.id}|${JSON.stringify(identifiers)}`;
  const now = services.clock.now().getTime();
  const cached = services.blockCache.get(key, now);
  if (cached) return cached;
  const status = await isBlocked(risk.deps, turn.shop.id, identifiers);
  services.blockCache.set(key, status, now);
  return status;
}

/** The buyer's status, or undefined when the lookup failed (logged): a failed lookup must not take the bot down. */
async function statusOrServe(services: BotServices, turn: Turn): Promise<BlockedStatus | undefined> {
  try {
    return await statusOf(services, turn);
  } catch (error) {
    // Name and code only: a database error's message can quote the buyer's identifiers being checked.
    services.logger.warn({ err: errorForLog(error, { message: false }), shopId: turn.shop.id }, 'blocklist check failed');
    return undefined;
  }
}

/**
 * Runs when a buyer opens the chat, before the welcome: a blocked buyer gets the refusal and the way
 * to appeal instead of the welcome and its top actions, in the language of the chat's locale
 * (`turn.language`). Returns true when the turn was handled here.
 */
export async function handleBlockedJoin(services: BotServices, turn: Turn): Promise<boolean> {
  if (!services.risk) return false;
  const status = await statusOrServe(services, turn);
  if (!status?.blocked) return false;
  await refuse(turn, status, blockedLinesFor(turn.language));
  return true;
}

/**
 * Runs before the bot answers: a blocked buyer gets a polite refusal and the way to appeal (in chat
 * or on the web) instead of service, in the language they write in. Returns true when the turn was
 * handled here.
 */
export async function handleBlockedTurn(services: BotServices, turn: Turn, text: string): Promise<boolean> {
  if (!services.risk) return false;
  const status = await statusOrServe(services, turn);
  if (!status) return false;
  const { data } = turn;
  if (!status.blocked) {
    data.appeal = undefined;
    return false;
  }
  turn.language = languageOf(services, turn, text);
  data.language = turn.language;
  const lines = blockedLinesFor(turn.language);
  const now = services.clock.now().getTime();
  const step = data.appeal?.step && now - data.appeal.since < APPEAL_STEP_MS ? data.appeal : undefined;
  const typed = text.trim();
  if (step?.step === 'statement') {
    if (typed.length < 10) {
      await turn.context.sendActivity(lines.statementTooShort);
      return true;
    }
    data.appeal = { ...step, step: 'contact', statement: typed.slice(0, 2000), since: now };
    await turn.context.sendActivity(messageWithActions(lines.askContact, [{ title: lines.skip, value: lines.skip }]));
    return true;
  }
  if (step?.step === 'contact' && step.statement) {
    const contact = typed.length === 0 || skipWords.has(typed.toLowerCase()) ? undefined : typed.slice(0, 200);
    return fileInChat(services, turn, status, step.statement, contact, lines);
  }
  if (appealWords.has(typed.toLowerCase())) {
    if (data.appeal?.reference) {
      await turn.context.sendActivity(lines.alreadyFiled(data.appeal.reference));
      return true;
    }
    data.appeal = { step: 'statement', since: now };
    await turn.context.sendActivity(lines.askStatement);
    return true;
  }
  await refuse(turn, status, lines);
  return true;
}

async function refuse(turn: Turn, status: BlockedStatus, lines: BlockedLines): Promise<void> {
  const reference = turn.data.appeal?.reference;
  const links = status.appealUrl ? [{ title: lines.appealOnWeb, url: status.appealUrl }] : [];
  if (reference) await turn.context.sendActivity(messageWithActions(`${lines.refusal}\n\n${lines.alreadyFiled(reference)}`, [], links));
  else await turn.context.sendActivity(messageWithActions(lines.refusal, [{ title: lines.appeal, value: lines.appeal }], links));
}

async function fileInChat(services: BotServices, turn: Turn, status: BlockedStatus, statement: string, contact: string | undefined, lines: BlockedLines): Promise<boolean> {
  // The outcome is sent later in the language the appeal was made in.
  const notifyAddress = { ...JSON.parse(JSON.stringify(TurnContext.getConversationReference(turn.context.activity))), locale: turn.language } as Record<string, unknown>;
  try {
    const filed = await fileAppeal(services.risk!.deps, turn.shop.id, {
      channel: 'chat',
      statement,
      contact,
      subjectToken: status.subjectToken,
      subject: buyerIdentifiersOf(turn),
      notifyAddress,
    });
    turn.data.appeal = { reference: filed.reference, since: services.clock.now().getTime() };
    await turn.context.sendActivity(filed.existing ? lines.alreadyFiled(filed.reference) : lines.filed(filed.reference, filed.statusUrl));
  } catch (error) {
    services.logger.warn({ err: errorForLog(error, { message: false }), shopId: turn.shop.id }, 'chat appeal not filed');
    turn.data.appeal = undefined;
    await turn.context.sendActivity(messageWithActions(lines.failed, [], status.appealUrl ? [{ title: lines.appealOnWeb, url: status.appealUrl }] : []));
  }
  return true;
}
