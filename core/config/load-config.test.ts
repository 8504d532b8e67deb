import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../errors';
import { loadConfig } from './load-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('gives working defaults for an empty environment (the embedded default)', () => {
    const config = loadConfig({ env: {} });
    expect(config).toMatchObject({ PORT: 3978, DATA_DIR: './data', LOG_LEVEL: 'info', RUN_JOBS: true });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT:/],
    [{ PORT: '70000' }, /^PORT:/],
    [{ LOG_LEVEL: 'chatty' }, /^LOG_LEVEL:/],
    [{ DATABASE_URL: 'mysql://x', ENCRYPTION_KEY: 'a'.repeat(64) }, /^DATABASE_URL: must be a postgres/],
    [{ DATABASE_URL: 'postgres://x/db' }, /^ENCRYPTION_KEY: is required with DATABASE_URL/],
    [{ ENCRYPTION_KEY: 'short' }, /^ENCRYPTION_KEY: must be 64 hex/],
    [{ MicrosoftAppId: 'app' }, /^MicrosoftAppPassword: is required/],
    [{ MicrosoftAppId: 'app', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, /^MicrosoftAppTenantId/],
    [{ SHOPIFY_API_KEY: 'k' }, /go together/],
    [{ SHOPIFY_API_KEY: 'k', SHOPIFY_API_SECRET: 's', SHOPIFY_APP_URL: 'not a url' }, /^SHOPIFY_APP_URL: must be an absolute URL/],
    [{ ADMIN_PASSWORD: 'short' }, /^ADMIN_PASSWORD: must be at least 12/],
    [{ METRICS_TOKEN: 'short' }, /^METRICS_TOKEN: must be at least 16/],
    [{ RUN_JOBS: 'maybe' }, /^RUN_JOBS:/],
  ])('rejects %j with a message naming the key', (env, expected) => {
    expect(problemsOf(env as Record<string, string>).some((p) => expected.test(p))).toBe(true);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({ PORT: 'x', LOG_LEVEL: 'y', SHOPIFY_API_KEY: 'k' });
    expect(problems).toHaveLength(3);
  });

  it('reads .env under the real environment, which wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'storedesk-env-'));
    writeFileSync(join(dir, '.env'), 'PORT=4000\nLOG_LEVEL=debug\n');
    const config = loadConfig({ env: { PORT: '5000' }, dotenvPath: join(dir, '.env') });
    expect(config.PORT).toBe(5000);
    expect(config.LOG_LEVEL).toBe('debug');
  });
});
