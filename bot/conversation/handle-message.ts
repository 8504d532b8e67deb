import { createHash } from 'node:crypto';
import { asRawText } from '../../privacy';
import type { RedactedText } from '../../privacy';
import { enqueueReviewItem } from '../../training/review-queue';
import { handoffStatus, startHandoff } from '../handoff';
import { fallbackLines, messagesFor } from '../messages';
import type { IntentClassifier } from '../models';
import { orderStatusStep, parseOrderDetails } from '../order-status';
import type { OrderDetails } from '../order-status';
import type { BotServices, Turn } from './bot-services';
import { asksForPerson } from './handoff-request';
import { answerActivity, messageWithActions } from './reply-builders';
import { turnLanguage } from './turn-language';

const PENDING_ORDER_MS = 10 * 60_000;
const RECENT_LINES = 3;
const LOW_CONFIDENCE_HANDOFF_AFTER = 2;
// A wrong answer costs a buyer more than "I'm not sure", so unless the shop sets one, stay at or above 0.5.
const DEFAULT_THRESHOLD = 0.5;
// When the bot is unsure, candidates below this are noise (gibberish ranks "hi" and "thanks" first), and small talk
// makes no useful button: it then offers the shop's main topics, as its welcome does.
const SUGGESTION_FLOOR = 0.1;
const SMALL_TALK = new Set(['greeting', 'goodbye', 'thanks']);

/** Handles one buyer message: quiet during a handoff, else order status, handoff, an answer, or "not sure". */
export async function handleMessage(services: BotServices, turn: Turn, text: string): Promise<void> {
  const { context, data, shop } = turn;
  if (data.handoffId) {
    const status = await handoffStatus(services.db, shop.id, data.handoffId);
    if (status === 'waiting' || status === 'connected') return;
    data.handoffId = undefined;
  }
  const raw = asRawText(text);
  const language = turnLanguage(text, data.language, services.detectLanguage);
  turn.language = language === 'other' ? (data.language ?? 'en') : language;
  const m = messagesFor(turn.language);
  if (text.trim().length === 0) {
    await context.sendActivity(m.textOnly);
    return;
  }
  if (asksForPerson(text)) {
    await startHandoff(services, turn, 'requested');
    return;
  }
  const model = language === 'other' ? undefined : await services.models.get(shop.id, language);
  if (!model) {
    turn.language = 'en';
    await context.sendActivity(messageWithActions(fallbackLines.languageUnsupported, [{ title: messagesFor('en').talkToPerson, value: messagesFor('en').talkToPerson }]));
    return;
  }
  data.language = language;
  const redacted = services.redact(raw).text;
  const context3 = data.recent.slice();
  data.recent = [...data.recent, redacted].slice(-RECENT_LINES);

  const now = services.clock.now().getTime();
  const given = parseOrderDetails(text);
  const pending = data.pendingOrder && now - data.pendingOrder.since < PENDING_ORDER_MS ? data.pendingOrder : undefined;
  const hasDetails = given.orderNumber !== undefined || given.email !== undefined || given.phone !== undefined;
  if ((pending && hasDetails) || (given.orderNumber !== undefined && (given.email || given.phone))) {
    await orderStatus(services, turn, { ...stripSince(pending), ...given });
    return;
  }
  data.pendingOrder = undefined;

  // Buttons send an intent id as their value; that needs no guessing.
  const pressed = shop.answers.has(text.trim()) ? text.trim() : undefined;
  const result = pressed ? { intent: pressed, score: 1, top: [{ intent: pressed, score: 1 }] } : await model.classify(text);
  const threshold = shop.settings.botThreshold ?? Math.max(model.threshold, DEFAULT_THRESHOLD);
  const confident = result.intent !== 'None' && result.score >= threshold;
  turn.corpus.push({ shopId: shop.id, language, text: redacted, intent: confident ? result.intent : null, score: result.score, source: 'bot' });
  if (!confident) {
    await notSure(services, turn, result, context3, redacted);
    return;
  }
  data.lowConfidenceStreak = 0;
  const action = shop.answers.action(result.intent);
  if (action === 'order-status') return orderStatus(services, turn, given);
  if (action === 'handoff') return startHandoff(services, turn, 'requested');
  const answer = shop.answers.answer(result.intent, language);
  if (!answer) return notSure(services, turn, result, context3, redacted);
  await Promise.all([context.sendActivity(answerActivity(answer)), services.chatTopics?.noted((data.chatTopics ??= {}), shop.id, result.intent)]);
}

function stripSince(pending: (OrderDetails & { since: number }) | undefined): OrderDetails {
  if (!pending) return {};
  const { since: _since, ...details } = pending;
  return details;
}

async function orderStatus(services: BotServices, turn: Turn, details: OrderDetails): Promise<void> {
  const activity = turn.context.activity;
  const { clientIp, deviceId } = (activity.channelData ?? {}) as { clientIp?: unknown; deviceId?: unknown };
  const outcome = await orderStatusStep(services, {
    shopId: turn.shop.id,
    conversationKey: `${activity.channelId}:${activity.conversation.id}`,
    clientIp: typeof clientIp === 'string' ? clientIp : undefined,
    deviceId: typeof deviceId === 'string' ? deviceId : undefined,
    messages: messagesFor(turn.language),
    details,
    now: services.clock.now(),
  });
  turn.data.pendingOrder = outcome.pending ? { ...outcome.pending, since: services.clock.now().getTime() } : undefined;
  turn.data.lowConfidenceStreak = 0;
  const proven = outcome.result === 'matched' && details.orderNumber !== undefined ? { orderNumber: details.orderNumber } : undefined;
  await Promise.all([turn.context.sendActivity(outcome.reply), proven && services.chatTopics?.linked((turn.data.chatTopics ??= {}), turn.shop.id, proven)]);
}

async function notSure(
  services: BotServices,
  turn: Turn,
  result: Awaited<ReturnType<IntentClassifier['classify']>>,
  context: RedactedText[],
  redacted: RedactedText,
): Promise<void> {
  const { shop, data } = turn;
  const m = messagesFor(turn.language);
  const likely = result.top
    .filter((t) => t.intent !== 'None' && t.score >= SUGGESTION_FLOOR && !SMALL_TALK.has(t.intent))
    .map((t) => ({ title: shop.answers.title(t.intent, turn.language), value: t.intent }))
    .filter((b): b is { title: string; value: string } => Boolean(b.title))
    .slice(0, 3);
  const suggestions = likely.length > 0 ? likely : shop.answers.topActions(turn.language).slice(0, 3);
  const reply = messageWithActions(m.notSure, [...suggestions, { title: m.talkToPerson, value: m.talkToPerson }]);
  await turn.context.sendActivity(reply);
  const activity = turn.context.activity;
  await enqueueReviewItem(services.db, {
    shopId: shop.id,
    language: turn.language,
    conversationRef: createHash('sha256').update(`${shop.id}:${activity.channelId}:${activity.conversation.id}`).digest('hex').slice(0, 24),
    text: redacted,
    context,
    topIntents: result.top.slice(0, 3),
    answer: m.notSure,
  });
  data.lowConfidenceStreak += 1;
  if (data.lowConfidenceStreak >= LOW_CONFIDENCE_HANDOFF_AFTER) await startHandoff(services, turn, 'low_confidence');
}
