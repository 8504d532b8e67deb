import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';

/** Sends an activity into an existing conversation on its own channel (staff replies, handoff events). */
export interface ConversationSender {
  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void>;
}

/** The sender for Azure Bot Service channels: a proactive message through the CloudAdapter. */
export class CloudAdapterSender implements ConversationSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  async send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      await context.sendActivity(activity);
    });
  }
}

/** Picks the sender of a conversation's channel (Web Chat, Messenger...), else the fallback. */
export function senderForChannel(senders: Readonly<Record<string, ConversationSender>>, fallback: ConversationSender): (channelId: string) => ConversationSender {
  return (channelId) => senders[channelId] ?? fallback;
}
