import type { Activity } from 'botbuilder';
import { ActivityTypes, EventFactory, TurnContext } from 'botbuilder';
import type { BotServices, Turn } from '../conversation/bot-services';
import { handoffEvent } from '../conversation/reply-builders';
import { availabilityAt } from '../hours';
import { readTranscript } from '../logging';
import { messagesFor } from '../messages';
import { openHandoff } from './handoff-store';

/**
 * Hands the conversation to a person: records the handoff, sends `handoff.initiate` with the transcript,
 * tells the client to show the waiting banner, and says when someone will answer.
 */
export async function startHandoff(services: BotServices, turn: Turn, reason: 'requested' | 'low_confidence' | 'language'): Promise<void> {
  const { context, shop } = turn;
  const activity = context.activity;
  const m = messagesFor(turn.language);
  const handoff = await openHandoff(services.db, {
    shopId: shop.id,
    channelId: activity.channelId,
    conversationId: activity.conversation.id,
    reason,
    language: turn.language,
    reference: TurnContext.getConversationReference(activity) as Record<string, unknown>,
  });
  turn.data.handoffId = handoff.id;
  turn.data.pendingOrder = undefined;
  turn.data.lowConfidenceStreak = 0;

  await services.turnLog.record(turn.lines.splice(0));
  const lines = await readTranscript(services.db, shop.id, activity.channelId, activity.conversation.id, 30);
  const transcript = {
    activities: lines.map(
      (line) =>
        ({
          type: ActivityTypes.Message,
          text: line.text,
          timestamp: line.at,
          from: line.sender === 'buyer' ? activity.from : activity.recipient,
        }) as Activity,
    ),
  };
  await context.sendActivity(EventFactory.createHandoffInitiation(context, { handoffId: handoff.id, reason, language: turn.language, shop: shop.domain }, transcript));

  const availability = availabilityAt(services.clock.now(), shop.timezone, shop.settings.businessHours);
  let text = m.handoffStarted(shop.name);
  if (!availability.open) {
    text += ` ${availability.next ? m.handoffAway(m.days[availability.next.day], availability.next.time, shop.timezone) : m.handoffAwayUnknown}`;
  }
  await context.sendActivity(handoffEvent('waiting', availability.open ? m.handoffWaiting : text));
  await context.sendActivity({ type: ActivityTypes.Message, text });
}
