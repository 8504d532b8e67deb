import type { Storage, TurnContext } from 'botbuilder';
import type { ChatTopics } from '../../audience';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logging';
import type { Db } from '../../db';
import type { RawText, RedactedText } from '../../privacy';
import type { CorpusTurn } from '../../training/corpus';
import type { TranscriptLine, TurnLog } from '../logging';
import type { ShopModels } from '../models';
import type { FailureLimiter, OrderLookupLimits, OrderLookups } from '../order-status';
import type { BotShop, ShopDirectory } from '../shops';
import type { BlockCache } from '../risk-gate/block-cache';
import type { BotRisk } from '../risk-gate/risk-gate-types';
import type { ConversationData } from './conversation-data';
import type { DetectLanguage } from './turn-language';

/** Everything the bot's turn logic uses, passed in once. */
export interface BotServices {
  db: Db;
  clock: Clock;
  logger: Logger;
  shops: ShopDirectory;
  models: ShopModels;
  turnLog: TurnLog;
  limiter: FailureLimiter;
  orderLookups: OrderLookups;
  limits: OrderLookupLimits;
  detectLanguage: DetectLanguage;
  redact: (text: RawText) => { text: RedactedText };
  /** The blocklist; without it every buyer is served. */
  risk?: BotRisk;
  blockCache: BlockCache;
  /** Audience's chat topics (`audience.chatTopics`); without it no topic is kept. */
  chatTopics?: ChatTopics;
  /** Bot state storage of one shop (its PostgresBotStorage); turns read their conversation's state from it. */
  stateFor(shopId: string): Storage;
}

/** One turn in progress: its shop, its remembered data and what it will log. */
export interface Turn {
  context: TurnContext;
  shop: BotShop;
  data: ConversationData;
  /** The raw lines of this turn (buyer and bot), written when the turn ends. */
  lines: TranscriptLine[];
  corpus: CorpusTurn[];
  language: string;
}
