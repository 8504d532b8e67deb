import type { Activity, ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

// botframework-connector's types, taken from botbuilder's signatures so we depend on botbuilder alone.
type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type ConnectorFactory = NonNullable<AuthenticateRequestResult['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = AuthenticateRequestResult['claimsIdentity'];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

const MAX_CACHED = 1_000;

/**
 * botbuilder's configuration-based authentication, reusing connector and user-token clients across turns.
 * botbuilder builds both afresh for every inbound activity, which costs more CPU than the rest of a
 * simple turn; the clients hold only the service URL, audience and app credentials, so one per key serves all turns.
 * Authentication itself (the JWT check) still runs on every request.
 */
export class CachingBotAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(options: ConfigurationBotFrameworkAuthenticationOptions) {
    super(options);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const factory = result.connectorFactory;
    if (!factory) return result;
    const identityKey = appIdOf(result.claimsIdentity);
    const cached: ConnectorFactory = {
      create: (serviceUrl: string, audience?: string) => remember(this.connectors, `${identityKey}|${serviceUrl}|${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    } as ConnectorFactory;
    return { ...result, connectorFactory: cached };
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return remember(this.tokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }
}

function appIdOf(identity: ClaimsIdentity): string {
  const claims = identity?.claims ?? [];
  return claims.find((c) => c.type === 'appid' || c.type === 'azp' || c.type === 'aud')?.value ?? (identity?.isAuthenticated ? 'authenticated' : 'anonymous');
}

function remember<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    value = make();
    value.catch(() => cache.delete(key));
    cache.set(key, value);
  }
  return value;
}
