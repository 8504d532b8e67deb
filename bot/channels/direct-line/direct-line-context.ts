import type { Clock } from '../../../core/clock';
import type { Logger } from '../../../core/logging';
import type { Db } from '../../../db';
import type { BotLogic } from '../shared';
import type { ActivityNotifier } from './activity-notifier';
import type { DirectLineAdapter } from './direct-line-adapter';
import type { DirectLineLimiter } from './direct-line-limits';
import type { DirectLineTokens } from './direct-line-tokens';
import type { InboundLimits } from './validate-inbound-activity';
import type { TurnQueue } from './turn-queue';

/** Everything the Direct Line handlers share; built once by `createDirectLineChannel`. */
export interface DirectLineContext {
  db: Db;
  adapter: DirectLineAdapter;
  notifier: ActivityNotifier;
  tokens: DirectLineTokens;
  logic: BotLogic;
  clock: Clock;
  logger?: Logger;
  limits: InboundLimits;
  limiter: DirectLineLimiter;
  turns: TurnQueue;
  trustProxy: boolean;
  /** Public origin (https://chat.example.com) for stream URLs; taken from the request when unset. */
  publicUrl?: string;
}
