import type { Pool } from 'pg';
import type { Clock } from '../../core/clock';
import type { Pseudonymizer } from '../../privacy';
import { chatTopicOf, LINK_MS, MAX_EARLIER_TOPICS } from './chat-topic-rules';
import { customerOfOrder, insertChatTopics } from './chat-topic-store';

/**
 * What one conversation remembers for chat topics, kept in the bot's conversation state (plain JSON): topic
 * names and times only, never words. Before the buyer proves who they are nothing is stored elsewhere.
 */
export interface ChatTopicMemory {
  /** Topics asked before a link, as [topic, epoch ms]; at most {@link MAX_EARLIER_TOPICS}. */
  earlier?: Array<[string, number]>;
  /** After the proof: the customer's pseudonym, its key version, and when the link ends (epoch ms). */
  link?: { subject: string; keyVersion: number; until: number };
}

/** The bot's door to chat topics. Neither method throws: a failure is reported to `onError` and the turn goes on. */
export interface ChatTopics {
  /** A confident intent of the buyer: stored when the conversation is linked, else remembered for a later link. */
  noted(memory: ChatTopicMemory, shopId: string, intent: string): Promise<void>;
  /**
   * The buyer proved who they are: the order-status lookup matched `orderNumber` with its email or phone.
   * Links the conversation to that order's customer (unless none, or redacted) and stores the topics
   * remembered so far. Call it only after such a match.
   */
  linked(memory: ChatTopicMemory, shopId: string, proof: { orderNumber: number }): Promise<void>;
}

/** What {@link createChatTopics} needs. */
export interface ChatTopicDeps {
  pool: Pool;
  pseudonymizer: Pseudonymizer;
  clock: Clock;
  onError?: (error: unknown) => void;
}

/** Records chat topics under the customer's pseudonym, for conversations linked by an order-status proof. */
export function createChatTopics(deps: ChatTopicDeps): ChatTopics {
  const { pool, pseudonymizer, clock } = deps;
  const report = (error: unknown) => deps.onError?.(error);

  async function noted(memory: ChatTopicMemory, shopId: string, intent: string): Promise<void> {
    const topic = chatTopicOf(intent);
    if (!topic) return;
    const now = clock.now();
    const link = memory.link;
    if (link && link.until > now.getTime()) {
      // After a key rotation the pseudonym in hand is stale; the customer id is not kept, so the link ends.
      if (link.keyVersion !== (await pseudonymizer.currentVersion(shopId))) {
        memory.link = undefined;
        return;
      }
      await insertChatTopics(pool, shopId, link, [[topic, now]]);
      return;
    }
    memory.link = undefined;
    memory.earlier = [...(memory.earlier ?? []), [topic, now.getTime()] as [string, number]].slice(-MAX_EARLIER_TOPICS);
  }

  async function linked(memory: ChatTopicMemory, shopId: string, proof: { orderNumber: number }): Promise<void> {
    const id = await customerOfOrder(pool, shopId, proof.orderNumber);
    if (id === undefined) return;
    const [current] = await pseudonymizer.pseudonymizeAllVersions(shopId, 'customer', id);
    if (!current) return;
    const now = clock.now().getTime();
    const link = { subject: current.pseudonym, keyVersion: current.version, until: now + LINK_MS };
    const earlier = (memory.earlier ?? []).filter(([topic, at]) => chatTopicOf(topic) === topic && now - at <= LINK_MS && at <= now);
    memory.link = link;
    memory.earlier = undefined;
    await insertChatTopics(pool, shopId, link, earlier.map(([topic, at]) => [topic, new Date(at)] as const));
  }

  return {
    noted: (memory, shopId, intent) => noted(memory, shopId, intent).catch(report),
    linked: (memory, shopId, proof) => linked(memory, shopId, proof).catch(report),
  };
}
