import { ActivityHandler, ActivityTypes, CardFactory, MessageFactory } from 'botbuilder';

/**
 * A small bot for channel tests and benchmarks: greets with suggested actions, answers "hours",
 * starts a handoff on "talk to a person" (the storedesk.handoff event), echoes anything else.
 */
export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).filter((member) => member.id !== context.activity.recipient?.id);
      if (joined.length > 0) {
        await context.sendActivity(
          MessageFactory.suggestedActions(['Opening hours', 'Talk to a person'], 'Hi! I am the shop assistant, an automated helper. How can I help?'),
        );
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      const text = (context.activity.text ?? '').trim().toLowerCase();
      if (text.includes('hours')) {
        await context.sendActivity('We are open 9am to 6pm, Monday to Friday.');
      } else if (text.includes('person')) {
        await context.sendActivity('Let me find someone for you.');
        await context.sendActivity({
          type: ActivityTypes.Event,
          name: 'storedesk.handoff',
          value: { status: 'waiting', message: 'Waiting for a member of staff to join…' },
        });
      } else if (text === 'menu') {
        const titles = Array.from({ length: 15 }, (_, i) => `Product category number ${i + 1}`);
        await context.sendActivity(MessageFactory.suggestedActions(titles, 'Pick a category'));
      } else if (text === 'card') {
        await context.sendActivity({ attachments: [CardFactory.heroCard('A card', 'With a button', undefined, ['Opening hours'])] });
      } else {
        await context.sendActivity(MessageFactory.suggestedActions(['Opening hours'], `You said: ${context.activity.text ?? ''}`));
      }
      await next();
    });
  }
}
