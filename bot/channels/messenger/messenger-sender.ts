import type { Activity, ConversationReference } from 'botbuilder';
import type { ConversationSender } from '../shared';
import type { MessengerAdapter } from './messenger-adapter';

/**
 * Staff replies into a Messenger thread. They are a human agent's: after 24 hours they go out with the
 * HUMAN_AGENT tag, up to 7 days; later ones are refused (409).
 */
export class MessengerSender implements ConversationSender {
  constructor(private readonly adapter: MessengerAdapter) {}

  async send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
    await this.adapter.continueAs(
      reference,
      async (context) => {
        await context.sendActivity(activity);
      },
      activity.type === undefined || activity.type === 'message',
    );
  }
}
