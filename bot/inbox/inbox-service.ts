import type { ConversationReference } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { ConflictError, NotFoundError } from '../../core/errors';
import type { Db } from '../../db';
import type { ConversationSender } from '../conversation-sender';
import { handoffEvent } from '../conversation/reply-builders';
import { findHandoff, listOpenHandoffs, moveHandoff } from '../handoff';
import type { TranscriptEntry, TurnLog } from '../logging';
import { readTranscript } from '../logging';
import { messagesFor } from '../messages';
import type { ShopDirectory } from '../shops';

/** An open handoff as staff see it in the inbox. */
export interface InboxHandoff {
  id: string;
  status: string;
  reason: string;
  language: string;
  channelId: string;
  assignedTo: string | null;
  createdAt: Date;
  transcript: TranscriptEntry[];
}

/** Dependencies of the merchant inbox. */
export interface InboxDeps {
  db: Db;
  shops: ShopDirectory;
  turnLog: TurnLog;
  senderFor: (channelId: string) => ConversationSender;
}

/** The merchant inbox: open handoffs with their transcripts, staff replies, closing. Every call is scoped by shop. */
export class InboxService {
  constructor(private readonly deps: InboxDeps) {}

  async list(shopId: string): Promise<InboxHandoff[]> {
    await this.deps.turnLog.flush();
    const open = await listOpenHandoffs(this.deps.db, shopId);
    return Promise.all(
      open.map(async (h) => ({
        id: h.id,
        status: h.status,
        reason: h.reason,
        language: h.language,
        channelId: h.channelId,
        assignedTo: h.assignedTo,
        createdAt: h.createdAt,
        transcript: await readTranscript(this.deps.db, shopId, h.channelId, h.conversationId, 100),
      })),
    );
  }

  /** Sends a staff reply to the buyer; the first reply connects the handoff (the bot already keeps quiet). */
  async reply(shopId: string, handoffId: string, actor: string, text: string): Promise<{ status: 'connected' }> {
    const handoff = await this.open(shopId, handoffId);
    const sender = this.deps.senderFor(handoff.channelId);
    const reference = handoff.reference as Partial<ConversationReference>;
    if (handoff.status === 'waiting') {
      await moveHandoff(this.deps.db, shopId, handoffId, 'connected', actor);
      const shop = await this.deps.shops.byRef(shopId);
      await sender.send(reference, handoffEvent('connected', messagesFor(handoff.language).handoffConnected(shop?.name ?? '')));
    }
    await sender.send(reference, { type: ActivityTypes.Message, text });
    await this.deps.turnLog.record([{ shopId, channelId: handoff.channelId, conversationId: handoff.conversationId, sender: 'staff', text, language: handoff.language }]);
    return { status: 'connected' };
  }

  /** Closes the handoff and tells the buyer the assistant is back. */
  async close(shopId: string, handoffId: string, actor: string): Promise<{ status: 'closed' }> {
    const handoff = await this.open(shopId, handoffId);
    if (!(await moveHandoff(this.deps.db, shopId, handoffId, 'closed', actor))) throw new ConflictError('This handoff is already closed');
    const sender = this.deps.senderFor(handoff.channelId);
    const reference = handoff.reference as Partial<ConversationReference>;
    const line = messagesFor(handoff.language).handoffClosed;
    await sender.send(reference, handoffEvent('closed', line));
    await sender.send(reference, { type: ActivityTypes.Message, text: line });
    await this.deps.turnLog.record([{ shopId, channelId: handoff.channelId, conversationId: handoff.conversationId, sender: 'bot', text: line, language: handoff.language }]);
    return { status: 'closed' };
  }

  private async open(shopId: string, handoffId: string) {
    const handoff = await findHandoff(this.deps.db, shopId, handoffId);
    if (!handoff) throw new NotFoundError('Handoff not found');
    if (handoff.status === 'closed') throw new ConflictError('This handoff is already closed');
    return handoff;
  }
}
