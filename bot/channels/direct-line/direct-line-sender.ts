import type { Activity, ConversationReference } from 'botbuilder';
import type { ConversationSender } from '../shared';
import type { DirectLineAdapter } from './direct-line-adapter';

/** Staff replies and handoff events into a Web Chat conversation: appended to its log like a bot reply. */
export class DirectLineSender implements ConversationSender {
  constructor(private readonly adapter: DirectLineAdapter) {}

  async send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
    await this.adapter.continueConversation(reference, async (context) => {
      await context.sendActivity(activity);
    });
  }
}
