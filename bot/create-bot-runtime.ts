import { randomBytes } from 'node:crypto';
import type { BotAdapter } from 'botbuilder';
import type { Server } from 'restify';
import type { ChatTopics } from '../audience';
import type { Clock } from '../core/clock';
import { systemClock } from '../core/clock';
import type { Logger } from '../core/logging';
import type { Db } from '../db';
import { BotStateBatches, PostgresBotStorage } from '../db';
import { redact } from '../privacy';
import type { AnswerCatalog } from '../training';
import { detectLanguage, loadDefaultCatalog, loadIntentModel, trainIntentModel } from '../training';
import type { IntentAction } from './catalog';
import { CloudAdapterSender, senderForChannel, type ConversationSender } from './conversation-sender';
import type { BotServices } from './conversation/bot-services';
import { CachingBotAuthentication, messagesRoute, StoredeskCloudAdapter } from './http';
import type { ActivityLimits } from './http';
import { InboxService, inboxRoutes, type Authenticate } from './inbox';
import { TurnLog } from './logging';
import { createDefaultModels, ShopModels, type DefaultModels } from './models';
import { defaultOrderLookupLimits, FailureLimiter, OrderLookups, type OrderLookupLimits } from './order-status';
import { BlockCache, type BotRisk } from './risk-gate';
import { ShopDirectory } from './shops';
import { StoredeskBot } from './storedesk-bot';
import { installTurnErrorHandler } from './turn-error';

/** Bot Framework credentials, as in the config (`MicrosoftAppId`...). */
export interface MicrosoftAppSettings {
  MicrosoftAppId?: string;
  MicrosoftAppPassword?: string;
  MicrosoftAppType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  MicrosoftAppTenantId?: string;
}

/** What {@link createBotRuntime} needs; only `db`, `logger` and `authenticate` are required. */
export interface BotRuntimeDeps {
  db: Db;
  logger: Logger;
  /** Staff authentication for the merchant inbox (the admin shell's). */
  authenticate: Authenticate;
  clock?: Clock;
  microsoftApp?: MicrosoftAppSettings;
  /** Senders per channel id for staff replies (e.g. the Direct Line and Messenger adapters); Azure channels use the CloudAdapter. */
  senders?: Readonly<Record<string, ConversationSender>>;
  /** The default answer catalog; the shipped one unless set. */
  catalog?: AnswerCatalog;
  intentActions?: Readonly<Record<string, IntentAction>>;
  /** Models for shops without a trained one; trained from the catalog on first use unless set. */
  defaultModels?: DefaultModels;
  /** Shop (id or domain) for channels that never name one. */
  defaultShop?: string;
  orderLookupLimits?: OrderLookupLimits;
  /** Keys the hash of IPs in order-lookup limits (`ENCRYPTION_KEY`); a random key per runtime when unset, so limits by IP are then per process. */
  encryptionKey?: string;
  activityLimits?: ActivityLimits;
  modelRefreshMs?: number;
  /** Most shop/language models kept in memory (least recently used dropped first); 32 unless set. */
  maxShopModels?: number;
  shopCacheMs?: number;
  /** The risk service (`createRiskService(...)`): blocked buyers are refused and may appeal in chat. Optional. */
  risk?: BotRisk;
  /** Audience's chat topics (`audience.chatTopics`): intents of conversations where the buyer proved who they are. */
  chatTopics?: ChatTopics;
}

/** The wired bot: its adapter, routes and services. */
export interface BotRuntime {
  bot: StoredeskBot;
  adapter: StoredeskCloudAdapter;
  services: BotServices;
  inbox: InboxService;
  /** The sender of a channel id (for proactive messages such as appeal outcomes). */
  senderFor: (channelId: string) => ConversationSender;
  /** `POST /api/messages`. */
  messagesRoute: (server: Server) => void;
  /** The merchant inbox under `/admin/api/inbox`. */
  inboxRoutes: (server: Server) => void;
  /** Gives another adapter (Direct Line, Messenger) the same apology-and-log turn error handler. */
  installTurnErrorHandler(adapter: BotAdapter): void;
  /** Loads (trains) the default models now, so the first buyer doesn't wait; resolves with ms per language. */
  warmUp(languages?: readonly string[]): Promise<Record<string, number>>;
  /** Waits for transcript and corpus writes in flight (call before closing the database). */
  flush(): Promise<void>;
}

/** Builds the customer-service bot and its HTTP routes from its dependencies. */
export function createBotRuntime(deps: BotRuntimeDeps): BotRuntime {
  const clock = deps.clock ?? systemClock;
  const appId = deps.microsoftApp?.MicrosoftAppId ?? '';
  const catalog = deps.catalog ?? loadDefaultCatalog();
  const auth = new CachingBotAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: deps.microsoftApp?.MicrosoftAppPassword ?? '',
    MicrosoftAppType: deps.microsoftApp?.MicrosoftAppType ?? 'MultiTenant',
    MicrosoftAppTenantId: deps.microsoftApp?.MicrosoftAppTenantId ?? '',
  });
  const adapter = new StoredeskCloudAdapter(auth);
  installTurnErrorHandler(adapter, deps.logger);

  const defaults =
    deps.defaultModels ?? createDefaultModels({ catalog, train: (examples, options) => trainIntentModel(examples, options), load: loadIntentModel });
  const states = new Map<string, PostgresBotStorage>();
  const stateBatches = new BotStateBatches(deps.db);
  const turnLog = new TurnLog(deps.db);
  const shops = new ShopDirectory({
    db: deps.db,
    catalog,
    intentActions: deps.intentActions,
    clock,
    ttlMs: deps.shopCacheMs,
    defaultShop: deps.defaultShop,
    onSettingsProblem: (shopId, fields) => deps.logger.warn({ shopId, fields }, 'shop bot settings ignored'),
  });
  const services: BotServices = {
    db: deps.db,
    clock,
    logger: deps.logger,
    shops,
    models: new ShopModels({ db: deps.db, defaults, load: loadIntentModel, clock, refreshMs: deps.modelRefreshMs, maxModels: deps.maxShopModels }),
    turnLog,
    limiter: new FailureLimiter(deps.db, deps.encryptionKey ?? randomBytes(32)),
    orderLookups: new OrderLookups(deps.db),
    limits: deps.orderLookupLimits ?? defaultOrderLookupLimits,
    detectLanguage,
    redact: (text) => redact(text),
    risk: deps.risk,
    blockCache: new BlockCache(),
    chatTopics: deps.chatTopics,
    stateFor(shopId) {
      let storage = states.get(shopId);
      if (!storage) {
        storage = new PostgresBotStorage(deps.db, shopId, stateBatches);
        states.set(shopId, storage);
      }
      return storage;
    },
  };
  const bot = new StoredeskBot(services);
  const senderFor = senderForChannel(deps.senders ?? {}, new CloudAdapterSender(adapter, appId));
  const inbox = new InboxService({ db: deps.db, shops, turnLog, senderFor });
  return {
    bot,
    adapter,
    services,
    inbox,
    senderFor,
    messagesRoute: messagesRoute({ adapter, bot, appId, limits: deps.activityLimits }),
    inboxRoutes: inboxRoutes({ inbox, authenticate: deps.authenticate }),
    installTurnErrorHandler: (other) => installTurnErrorHandler(other, deps.logger),
    async warmUp(languages = defaults.languages()) {
      const timings: Record<string, number> = {};
      for (const language of languages) {
        const started = performance.now();
        await defaults.get(language);
        timings[language] = Math.round(performance.now() - started);
      }
      return timings;
    },
    flush: () => turnLog.flush(),
  };
}
