import type { Activity, ConversationReference } from 'botbuilder';
import { ActivityTypes, TestAdapter } from 'botbuilder';
import pino from 'pino';
import { Writable } from 'node:stream';
import type { Clock } from '../../core/clock';
import type { Database } from '../../db';
import { schema } from '../../db';
import type { AnswerCatalog } from '../../training';
import { loadDefaultCatalog, loadIntentModel, trainIntentModel } from '../../training';
import type { ConversationSender } from '../conversation-sender';
import { createBotRuntime, type BotRuntime, type BotRuntimeDeps } from '../create-bot-runtime';
import { createDefaultModels } from '../models';
import type { DefaultModels } from '../models';

/** Default models shared by every runtime of a test file, so each language trains once. */
export function sharedDefaultModels(catalog: AnswerCatalog = loadDefaultCatalog()): DefaultModels {
  return createDefaultModels({ catalog, train: (examples, options) => trainIntentModel(examples, options), load: loadIntentModel });
}

/** Log lines kept in memory, to check what a log would hold. */
export function memoryLogger(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return { logger: pino({ level: 'info' }, destination), lines };
}

/** A channel sender that keeps what staff and the inbox sent, as the buyer's client would receive it. */
export class RecordingSender implements ConversationSender {
  readonly sent: Array<{ reference: Partial<ConversationReference>; activity: Partial<Activity> }> = [];
  async send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
    this.sent.push({ reference, activity });
  }
}

/** A runtime over a test database with staff auth fixed to one shop. */
export function testRuntime(database: Database, overrides: Partial<BotRuntimeDeps> & { clock?: Clock } = {}): BotRuntime {
  return createBotRuntime({
    db: database.db,
    logger: pino({ level: 'silent' }),
    authenticate: async () => ({ shopId: '00000000-0000-0000-0000-000000000000', actor: 'nobody' }),
    ...overrides,
  });
}

let conversationCounter = 0;

/** One buyer chatting with the bot through botbuilder's TestAdapter; `say` returns the bot's replies to that turn. */
export function buyerChat(runtime: BotRuntime, shopRef: string, options: { channelId?: string; clientIp?: string; deviceId?: string; locale?: string } = {}) {
  conversationCounter += 1;
  const conversationId = `test-conversation-${process.pid}-${conversationCounter}-${Date.now()}`;
  const reference = {
    channelId: options.channelId ?? 'test',
    serviceUrl: 'https://test.invalid',
    conversation: { id: conversationId },
    user: { id: `buyer-${conversationCounter}`, name: 'Buyer' },
    bot: { id: 'storedesk-bot', name: 'storedesk' },
    locale: options.locale ?? 'en-SG',
  } as unknown as ConversationReference;
  const adapter = new TestAdapter(reference);
  runtime.installTurnErrorHandler(adapter);
  const channelData = { shopId: shopRef, ...(options.clientIp ? { clientIp: options.clientIp } : {}), ...(options.deviceId ? { deviceId: options.deviceId } : {}) };
  const run = async (activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
    adapter.activeQueue.splice(0);
    await adapter.processActivity({ ...activity, channelData }, (context) => runtime.bot.run(context));
    await runtime.flush();
    return adapter.activeQueue.splice(0);
  };
  return {
    conversationId,
    adapter,
    say: (text: string) => run({ type: ActivityTypes.Message, text }),
    join: () =>
      run({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: reference.user!.id, name: 'Buyer' }], recipient: reference.bot }),
  };
}

/** The text of message replies. */
export const texts = (replies: Partial<Activity>[]) => replies.filter((r) => r.type === ActivityTypes.Message).map((r) => r.text ?? '');

/** Suggested-action titles and values of the replies. */
export const actions = (replies: Partial<Activity>[]) => replies.flatMap((r) => r.suggestedActions?.actions ?? []);

/** Inserts an order for order-status tests. */
export async function insertOrder(
  database: Database,
  shopId: string,
  order: { number: number; email?: string; phone?: string; fulfillmentStatus?: string | null; trackingUrl?: string; trackingNumber?: string },
): Promise<void> {
  const now = new Date('2026-05-01T00:00:00Z');
  await database.db.insert(schema.orders).values({
    shopId,
    id: 5_000_000 + order.number,
    name: `#${order.number}`,
    orderNumber: order.number,
    email: order.email ?? null,
    phone: order.phone ?? null,
    financialStatus: 'PAID',
    fulfillmentStatus: order.fulfillmentStatus ?? null,
    currency: 'SGD',
    totalPrice: '42.00',
    fulfillments: order.trackingNumber
      ? [{ status: 'SUCCESS', trackingCompany: 'Ninja Van', trackingNumbers: [order.trackingNumber], trackingUrls: order.trackingUrl ? [order.trackingUrl] : [] }]
      : [],
    createdAt: now,
    updatedAt: now,
  });
}
