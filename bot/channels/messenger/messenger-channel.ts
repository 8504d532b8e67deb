import type { Server } from 'restify';
import type { Clock } from '../../../core/clock';
import { systemClock } from '../../../core/clock';
import type { SecretBox } from '../../../core/crypto';
import type { Logger } from '../../../core/logging';
import type { Db } from '../../../db';
import type { BotLogic } from '../shared';
import { createGraphClient, type GraphClient } from './graph-client';
import { MessengerAdapter } from './messenger-adapter';
import { registerMessengerRoutes } from './messenger-routes';
import { MessengerSender } from './messenger-sender';
import { registerMessengerPage } from './messenger-store';

/** Dependencies of {@link createMessengerChannel}. */
export interface MessengerChannelDeps {
  db: Db;
  /** `createSecretBox(ENCRYPTION_KEY)`: page access tokens are sealed at rest. */
  secretBox: SecretBox;
  /** The Facebook app secret, for `X-Hub-Signature-256`. */
  appSecret: string;
  /** The token typed into the app's webhook settings, echoed back on the challenge. */
  verifyToken: string;
  logic: BotLogic;
  /** `https://graph.facebook.com/v21.0` unless set; tests use the local fake. */
  graphBaseUrl?: string;
  /** Replaces the Graph client entirely (e.g. with retries). */
  graph?: GraphClient;
  clock?: Clock;
  logger?: Logger;
  /** The webhook path; `/webhooks/messenger` unless set. */
  path?: string;
}

/** The Messenger channel: adapter (for `installTurnErrorHandler`), webhook route module, staff sender. */
export interface MessengerChannel {
  adapter: MessengerAdapter;
  routes: (server: Server) => void;
  sender: MessengerSender;
  /** Connects a Facebook page to a shop with its page access token. */
  connectPage(input: { pageId: string; shopId: string; accessToken: string; humanAppId?: string }): Promise<void>;
}

/** Builds the Messenger channel. */
export function createMessengerChannel(deps: MessengerChannelDeps): MessengerChannel {
  const clock = deps.clock ?? systemClock;
  const graph = deps.graph ?? createGraphClient({ baseUrl: deps.graphBaseUrl ?? 'https://graph.facebook.com/v21.0' });
  const adapter = new MessengerAdapter({ db: deps.db, secretBox: deps.secretBox, graph, clock });
  return {
    adapter,
    sender: new MessengerSender(adapter),
    routes: (server) =>
      registerMessengerRoutes(server, {
        db: deps.db,
        secretBox: deps.secretBox,
        adapter,
        logic: deps.logic,
        appSecret: deps.appSecret,
        verifyToken: deps.verifyToken,
        clock,
        logger: deps.logger,
        path: deps.path ?? '/webhooks/messenger',
      }),
    connectPage: (input) => registerMessengerPage(deps.db, deps.secretBox, input),
  };
}
