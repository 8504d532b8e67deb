import { TurnContext } from 'botbuilder';
import { fileAppeal, isBlocked, type BlockedStatus, type BuyerIdentifiers } from '../../risk';
import type { BotServices, Turn } from '../conversation/bot-services';
import { messageWithActions } from '../conversation/reply-builders';
import { blockedLines as lines } from './blocked-lines';

const APPEAL_STEP_MS = 30 * 60_000;

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

/**
 * Runs before the bot answers: a blocked buyer gets a polite refusal and the way to appeal (in chat
 * or on the web) instead of service. Returns true when the turn was handled here.
 */
export async function handleBlockedTurn(services: BotServices, turn: Turn, text: string): Promise<boolean> {
  if (!services.risk) return false;
  let status: BlockedStatus;
  try {
    status = await statusOf(services, turn);
  } catch (error) {
    // A failed lookup must not take the whole bot down: serve the buyer and say so in the log.
    services.logger.warn({ err: { message: (error as Error).message }, shopId: turn.shop.id }, 'blocklist check failed');
    return false;
  }
  const { data } = turn;
  if (!status.blocked) {
    data.appeal = undefined;
    return false;
  }
  turn.language = 'en';
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
    const contact = typed.length === 0 || typed.toLowerCase() === lines.skip.toLowerCase() ? undefined : typed.slice(0, 200);
    return fileInChat(services, turn, status, step.statement, contact);
  }
  if (typed.toLowerCase() === lines.appeal.toLowerCase()) {
    if (data.appeal?.reference) {
      await turn.context.sendActivity(lines.alreadyFiled(data.appeal.reference));
      return true;
    }
    data.appeal = { step: 'statement', since: now };
    await turn.context.sendActivity(lines.askStatement);
    return true;
  }
  await refuse(turn, status);
  return true;
}

async function refuse(turn: Turn, status: BlockedStatus): Promise<void> {
  const reference = turn.data.appeal?.reference;
  const links = status.appealUrl ? [{ title: lines.appealOnWeb, url: status.appealUrl }] : [];
  if (reference) await turn.context.sendActivity(messageWithActions(`${lines.refusal}\n\n${lines.alreadyFiled(reference)}`, [], links));
  else await turn.context.sendActivity(messageWithActions(lines.refusal, [{ title: lines.appeal, value: lines.appeal }], links));
}

async function fileInChat(services: BotServices, turn: Turn, status: BlockedStatus, statement: string, contact: string | undefined): Promise<boolean> {
  const notifyAddress = JSON.parse(JSON.stringify(TurnContext.getConversationReference(turn.context.activity))) as Record<string, unknown>;
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
    services.logger.warn({ err: { message: (error as Error).message }, shopId: turn.shop.id }, 'chat appeal not filed');
    turn.data.appeal = undefined;
    await turn.context.sendActivity(messageWithActions(lines.failed, [], status.appealUrl ? [{ title: lines.appealOnWeb, url: status.appealUrl }] : []));
  }
  return true;
}
