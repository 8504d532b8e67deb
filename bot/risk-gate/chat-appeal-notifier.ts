import type { ConversationReference } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { UnavailableError, ValidationError } from '../../core/errors';
import type { AppealNotifier } from '../../risk';
import type { BotRuntime } from '../create-bot-runtime';
import { blockedLinesFor } from './blocked-lines';

/**
 * Tells a buyer the outcome of an appeal they filed in chat, in the same conversation, through the
 * runtime's sender for its channel. The runtime is looked up late because it is built after risk.
 */
export function createChatAppealNotifier(runtime: () => Pick<BotRuntime, 'senderFor'> | undefined): AppealNotifier {
  return {
    async notify(appeal, outcome) {
      const reference = appeal.notifyAddress as Partial<ConversationReference> | undefined;
      if (!reference || typeof reference.channelId !== 'string' || typeof reference.conversation?.id !== 'string') {
        throw new ValidationError(`Appeal ${appeal.reference} has no chat address to reply to`);
      }
      const current = runtime();
      if (!current) throw new UnavailableError('The bot is not running yet, so the appeal outcome cannot be sent');
      // The language the buyer appealed in (kept as the address's locale when the appeal was filed).
      const lines = blockedLinesFor(typeof reference.locale === 'string' ? reference.locale.slice(0, 2).toLowerCase() : undefined);
      await current.senderFor(reference.channelId).send(reference, { type: ActivityTypes.Message, text: lines.outcome(appeal.reference, outcome.message) });
    },
  };
}
