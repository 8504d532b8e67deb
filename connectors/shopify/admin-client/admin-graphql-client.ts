import { GraphqlQueryError, HttpRequestError, HttpRetriableError, type Session, type Shopify } from '@shopify/shopify-api';
import { AppError } from '../../../core/errors';
import type { Logger } from '../../../core/logging';
import { CostBucket, type ThrottleStatus } from './cost-bucket';

/** A GraphQL client for one shop's Admin API that waits for its cost budget instead of failing. */
export interface AdminGraphqlClient {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** Options for {@link createAdminGraphqlClient}. */
export interface AdminClientOptions {
  shopify: Shopify;
  session: Session;
  logger: Logger;
  /** Retries for THROTTLED and 5xx answers before giving up (default 8). */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Shared per shop so concurrent callers see one bucket. */
  bucket?: CostBucket;
}

interface CostExtension {
  requestedQueryCost?: number;
  actualQueryCost?: number | null;
  throttleStatus?: ThrottleStatus;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The Shopify Admin API failed in a way retrying won't fix. */
export class ShopifyApiError extends AppError {
  constructor(message: string, cause?: unknown) {
    super('shopify_api_error', message, { status: 502, cause });
    this.name = 'ShopifyApiError';
  }
}

/** Creates the client; estimates query cost from what the same query cost last time. */
export function createAdminGraphqlClient(options: AdminClientOptions): AdminGraphqlClient {
  const client = new options.shopify.clients.Graphql({ session: options.session });
  const bucket = options.bucket ?? new CostBucket();
  const sleep = options.sleep ?? defaultSleep;
  const maxRetries = options.maxRetries ?? 8;
  const lastCost = new Map<string, number>();

  return {
    async request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
      for (let attempt = 0; ; attempt += 1) {
        const expected = lastCost.get(query) ?? 50;
        const wait = bucket.waitMsFor(expected);
        if (wait > 0) await sleep(wait);
        try {
          const response = await client.request<T>(query, { variables, retries: 0 });
          const cost = (response.extensions as { cost?: CostExtension } | undefined)?.cost;
          if (cost?.throttleStatus) bucket.observe(cost.throttleStatus);
          if (cost?.requestedQueryCost) lastCost.set(query, cost.requestedQueryCost);
          return response.data as T;
        } catch (error) {
          if (attempt >= maxRetries) throw new ShopifyApiError(`Shopify Admin API failed after ${attempt + 1} tries`, error);
          const delay = retryDelay(error, bucket, attempt);
          if (delay === undefined) throw new ShopifyApiError(describe(error), error);
          options.logger.debug({ attempt, delay }, 'shopify request retried');
          await sleep(delay);
        }
      }
    },
  };
}

function retryDelay(error: unknown, bucket: CostBucket, attempt: number): number | undefined {
  if (error instanceof GraphqlQueryError) {
    const body = error.body as { errors?: { graphQLErrors?: Array<{ extensions?: { code?: string } }> }; extensions?: { cost?: CostExtension } } | undefined;
    const throttled = body?.errors?.graphQLErrors?.some((e) => e.extensions?.code === 'THROTTLED');
    if (!throttled) return undefined;
    const cost = body?.extensions?.cost;
    if (cost?.throttleStatus) bucket.observe(cost.throttleStatus);
    return Math.max(bucket.waitMsFor(cost?.requestedQueryCost ?? 50), 100);
  }
  if (error instanceof HttpRetriableError || error instanceof HttpRequestError) {
    return Math.min(30_000, 250 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
  }
  return undefined;
}

function describe(error: unknown): string {
  if (error instanceof GraphqlQueryError) return `Shopify rejected the query: ${error.message}`;
  return `Shopify Admin API error: ${(error as Error).message}`;
}
