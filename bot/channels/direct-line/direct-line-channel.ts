import type { Server } from 'restify';
import type { Clock } from '../../../core/clock';
import { systemClock } from '../../../core/clock';
import type { Logger } from '../../../core/logging';
import type { Db } from '../../../db';
import { createRateLimits, type RateLimits } from '../../../db/rate-limits';
import type { BotLogic } from '../shared';
import { createActivityNotifier, type NotifierDatabase } from './activity-notifier';
import { DirectLineAdapter } from './direct-line-adapter';
import type { DirectLineContext } from './direct-line-context';
import { createDirectLineLimiter, type DirectLineRates } from './direct-line-limits';
import { registerDirectLineRoutes } from './direct-line-routes';
import { DirectLineSender } from './direct-line-sender';
import { createDirectLineSockets } from './direct-line-socket';
import { createDirectLineTokens } from './direct-line-tokens';
import { TurnQueue } from './turn-queue';
import { defaultInboundLimits, type InboundLimits } from './validate-inbound-activity';
import { errorForLog } from '../../../core/logging';

/** Dependencies of {@link createDirectLineChannel}. */
export interface DirectLineChannelDeps {
  /** The open database (`openDatabase`): drizzle handle, plus engine/pool for LISTEN/NOTIFY on a real server. */
  database: NotifierDatabase & { db: Db };
  /** The installation's ENCRYPTION_KEY (64 hex); tokens are signed with a key derived from it. */
  encryptionKey: string;
  /** The bot's turn handler, e.g. `(context) => bot.run(context)`. */
  logic: BotLogic;
  logger?: Logger;
  clock?: Clock;
  bot?: { id: string; name: string };
  tokenTtlSeconds?: number;
  limits?: Partial<InboundLimits>;
  rates?: Partial<DirectLineRates>;
  /** The shared counters (`db/rate-limits`); made on this database, keyed from `encryptionKey`, when absent. */
  rateLimits?: RateLimits;
  /** Believe X-Forwarded-For / X-Forwarded-Proto (only behind a known reverse proxy). */
  trustProxy?: boolean;
  /** Public origin for stream URLs (e.g. https://chat.example.com); taken from each request when unset. */
  publicUrl?: string;
}

/** The built-in Direct Line: its adapter (for `installTurnErrorHandler`), route module, staff sender, shutdown. */
export interface DirectLineChannel {
  adapter: DirectLineAdapter;
  routes: (server: Server) => void;
  sender: DirectLineSender;
  /** Closes open streams and the LISTEN connection. */
  close(): Promise<void>;
}

const minute = 60_000;

/** Builds the Direct Line 3.0 subset for the official Web Chat widget. */
export async function createDirectLineChannel(deps: DirectLineChannelDeps): Promise<DirectLineChannel> {
  const clock = deps.clock ?? systemClock;
  const notifier = await createActivityNotifier(deps.database, (error) => deps.logger?.warn({ err: errorForLog(error) }, 'direct line notifications lost'));
  const adapter = new DirectLineAdapter({ db: deps.database.db, notifier, clock, bot: deps.bot });
  const rates: DirectLineRates = {
    generatePerIp: { limit: 20, windowMs: minute },
    perIp: { limit: 600, windowMs: minute },
    perConversation: { limit: 30, windowMs: minute },
    ...deps.rates,
  };
  const ctx: DirectLineContext = {
    db: deps.database.db,
    adapter,
    notifier,
    tokens: createDirectLineTokens({ encryptionKey: deps.encryptionKey, ttlSeconds: deps.tokenTtlSeconds, clock }),
    logic: deps.logic,
    clock,
    logger: deps.logger,
    limits: { ...defaultInboundLimits, ...deps.limits },
    limiter: createDirectLineLimiter({
      rateLimits: deps.rateLimits ?? createRateLimits({ db: deps.database.pool, secret: deps.encryptionKey }),
      rates,
      clock,
      logger: deps.logger,
    }),
    turns: new TurnQueue(),
    trustProxy: deps.trustProxy ?? false,
    publicUrl: deps.publicUrl,
  };
  const sockets = createDirectLineSockets(ctx);
  return {
    adapter,
    sender: new DirectLineSender(adapter),
    routes(server) {
      registerDirectLineRoutes(server, ctx);
      server.server.on('upgrade', (req, socket, head) => sockets.handleUpgrade(req, socket, head));
      // http.Server#close waits for upgraded sockets too; end the streams when the server starts closing.
      const close = server.server.close.bind(server.server);
      server.server.close = ((callback?: (error?: Error) => void) => {
        sockets.closeAll();
        return close(callback);
      }) as typeof server.server.close;
    },
    async close() {
      sockets.closeAll();
      await notifier.close();
    },
  };
}
