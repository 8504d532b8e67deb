import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : ['true', '1', 'yes'].includes(value)));

/**
 * Every environment key storedesk reads. `.env.example` documents the same keys.
 * Bot Framework keys keep Bot Framework's own names so an Azure Bot registration can be pasted in as-is.
 */
export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    RUN_JOBS: booleanFlag.default(true),
    DEMO_ORDERS: z.coerce.number().int().min(10).max(1_000_000).default(2000),
    /** Believe X-Forwarded-For from the one reverse proxy in front (buyers' IPs for chat and the appeal form). */
    TRUST_PROXY: booleanFlag.default(false),

    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optionalString,

    SHOPIFY_API_KEY: optionalString,
    SHOPIFY_API_SECRET: optionalString,
    SHOPIFY_APP_URL: optionalString.pipe(z.url('must be an absolute URL').optional()),
    SCOPES: z.string().default('read_orders,write_orders,read_customers,write_customers,read_products,write_pixels,read_customer_events'),

    MESSENGER_APP_SECRET: optionalString,
    MESSENGER_VERIFY_TOKEN: optionalString,
    MESSENGER_GRAPH_URL: optionalString.pipe(z.url('must be an absolute URL').optional()),

    ENCRYPTION_KEY: optionalString.pipe(
      z
        .string()
        .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes), e.g. from `openssl rand -hex 32`')
        .optional(),
    ),
    ADMIN_PASSWORD: optionalString.pipe(z.string().min(12, 'must be at least 12 characters').optional()),
    /** When set, `/metrics` answers only `Authorization: Bearer <token>` (a Prometheus scrape's bearer token). */
    METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  });

const present = (value: string | undefined) => value !== undefined && value.trim() !== '';

/**
 * Rules that tie keys together. They read the raw environment so they are reported together with
 * type errors in other keys, and the operator sees every problem in one message.
 */
export function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const appType = env.MicrosoftAppType?.trim() || 'MultiTenant';
  if (present(env.MicrosoftAppId) && !present(env.MicrosoftAppPassword) && appType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppPassword: is required when MicrosoftAppId is set');
  }
  if (appType === 'SingleTenant' && present(env.MicrosoftAppId) && !present(env.MicrosoftAppTenantId)) {
    problems.push('MicrosoftAppTenantId: is required for a SingleTenant app');
  }
  const shopifyKeys = [env.SHOPIFY_API_KEY, env.SHOPIFY_API_SECRET, env.SHOPIFY_APP_URL].map(present);
  if (shopifyKeys.some(Boolean) && !shopifyKeys.every(Boolean)) {
    problems.push('SHOPIFY_API_KEY, SHOPIFY_API_SECRET and SHOPIFY_APP_URL go together: set all three or none');
  }
  if (present(env.MESSENGER_APP_SECRET) !== present(env.MESSENGER_VERIFY_TOKEN)) {
    problems.push('MESSENGER_APP_SECRET and MESSENGER_VERIFY_TOKEN go together: set both or neither');
  }
  if (present(env.DATABASE_URL) && !present(env.ENCRYPTION_KEY)) {
    problems.push('ENCRYPTION_KEY: is required with DATABASE_URL (the embedded default keeps a generated key in DATA_DIR)');
  }
  return problems;
}

/** The parsed, typed configuration. */
export type Config = z.infer<typeof configSchema>;
