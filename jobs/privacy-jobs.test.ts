import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { createSecretBox } from '../core/crypto';
import { upsertShop, type Database } from '../db';
import { createTestDatabase, testEngine } from '../db/testing';
import { createAuditLog } from '../privacy/audit';
import { createPseudonymizer } from '../privacy/keys';
import { createRetention, tableRetentionTargets } from '../privacy/retention';
import { createSubjectRights } from '../privacy/subject-rights';
import { privacyJobs } from './privacy-jobs';
import type { JobContext, JobDefinition } from './runner';

describe(`privacy jobs on ${testEngine}`, () => {
  let database: Database;
  let jobs: Map<string, JobDefinition<unknown>>;
  const enqueued: Array<[string, unknown]> = [];
  const rotated: string[] = [];
  const logger = pino({ level: 'silent' });
  const context: JobContext = { logger, attempt: 1, progress: async () => undefined, enqueue: async (name, data) => (enqueued.push([name, data]), 'job-id'), schedule: async (_when, name, data) => (enqueued.push([name, data]), 'job-id') };
  const run = (name: string, data: unknown) => jobs.get(name)!.handle(jobs.get(name)!.schema.parse(data), context);
  let pseudonymizer: ReturnType<typeof createPseudonymizer>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const secrets = createSecretBox(randomBytes(32).toString('hex'));
    const auditLog = createAuditLog({ db: database.db });
    pseudonymizer = createPseudonymizer({ db: database.db, secrets });
    const subjectRights = createSubjectRights({ db: database.db, secrets, auditLog, pseudonymizer, logger });
    const retention = createRetention({ db: database.db, auditLog, targets: tableRetentionTargets(database.db), logger });
    jobs = new Map(
      privacyJobs({ retention, subjectRights, pseudonymizer, auditLog, onKeyRotated: async (shopId) => void rotated.push(shopId) }).map((job) => [job.name, job]),
    );
  });
  afterAll(() => database.close());

  it('defines namespaced jobs', () => {
    expect([...jobs.keys()]).toEqual(['privacy.retention', 'privacy.retention-sweep', 'privacy.rotate-key', 'privacy.retire-keys', 'privacy.redact-uninstalled-shop']);
  });

  it('sweeps retention by enqueuing one run per shop, and each run purges', async () => {
    const a = await upsertShop(database.db, { domain: 'jobs-a.myshopify.com' });
    const b = await upsertShop(database.db, { domain: 'jobs-b.myshopify.com' });
    await run('privacy.retention-sweep', {});
    expect(enqueued).toEqual(expect.arrayContaining([['privacy.retention', { shopId: a.id }], ['privacy.retention', { shopId: b.id }]]));
    await expect(run('privacy.retention', { shopId: a.id })).resolves.toBeUndefined();
  });

  it('rotates a key, tells the consumers, then retires the old version', async () => {
    const shop = await upsertShop(database.db, { domain: 'jobs-rotate.myshopify.com' });
    const before = await pseudonymizer.pseudonymize(shop.id, 'customer', 1);
    await run('privacy.rotate-key', { shopId: shop.id });
    expect(rotated).toEqual([shop.id]);
    expect(await pseudonymizer.pseudonymize(shop.id, 'customer', 1)).not.toBe(before);
    await run('privacy.retire-keys', { shopId: shop.id });
    expect(await pseudonymizer.pseudonymizeAllVersions(shop.id, 'customer', 1)).toHaveLength(1);
  });

  it('leaves a reinstalled shop alone when the uninstall follow-up runs', async () => {
    const shop = await upsertShop(database.db, { domain: 'jobs-installed.myshopify.com' });
    await pseudonymizer.pseudonymize(shop.id, 'customer', 1);
    await run('privacy.redact-uninstalled-shop', { shopId: shop.id });
    expect(await pseudonymizer.pseudonymizeAllVersions(shop.id, 'customer', 1)).toHaveLength(1);
    const { rows } = await database.pool.query('select count(*)::int as n from shop_secrets where shop_id = $1', [shop.id]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses job data without a shop id', () => {
    expect(jobs.get('privacy.retention')!.schema.safeParse({}).success).toBe(false);
  });
});
