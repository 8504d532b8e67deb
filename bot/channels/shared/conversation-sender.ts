import type { Activity, ConversationReference, TurnContext } from 'botbuilder';

/**
 * Sends an activity into an existing conversation on its own channel (staff replies during a handoff).
 * The same shape as the bot's `ConversationSender`, so the channel senders plug into it structurally.
 */
export interface ConversationSender {
  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void>;
}

/** A bot turn handler, e.g. `(context) => bot.run(context)`. */
export type BotLogic = (context: TurnContext) => Promise<void>;
