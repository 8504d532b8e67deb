import { Command, CommanderError } from 'commander';
import pino from 'pino';
import type { Config } from '../../core/config';
import { AppError } from '../../core/errors';
import { findShopByDomain, upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import { createAuditLog } from '../../privacy';
import { loadActiveModelVersion } from '../../training/model-versions';
import type { CliContext } from '../context';
import { registerModelsCommand } from './models';
import { registerTrainCommand } from './train';

jest.setTimeout(120_000);

describe(`storedesk train and models on ${testEngine}`, () => {
  let database: Database;
  let out = '';
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const context = (): CliContext => ({
    config: {} as Config,
    logger: pino({ level: 'silent' }),
    database: async () => database,
    async shop(domain) {
      const shop = await findShopByDomain(database.db, domain);
      if (!shop) throw new AppError('unknown_shop', `No installed shop "${domain}"`, { status: 404 });
      return shop;
    },
    close: async () => undefined,
  });
  async function run(args: string[]): Promise<string> {
    out = '';
    const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
    registerTrainCommand(program, context);
    registerModelsCommand(program, context);
    await program.parseAsync(['node', 'storedesk', ...args]);
    return out;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await upsertShop(database.db, { domain: 'cli-train.myshopify.com' });
  });
  afterAll(async () => {
    stdout.mockRestore();
    await database.close();
  });

  it('trains now and reports the evaluation and the promotion', async () => {
    const first = await run(['train', '--shop', 'cli-train.myshopify.com']);
    expect(first).toMatch(/^version 1: PROMOTED/);
    expect(first).toMatch(/gate: first model/);
    expect(first).toMatch(/corpus: \d+ examples, 26 intents/);
    const second = await run(['train', '--shop', 'cli-train.myshopify.com', '--lang', 'en']);
    expect(second).toMatch(/^version 2: (PROMOTED|NOT promoted)/);
  });

  it('lists versions with their metrics, and rolls back with an audit entry', async () => {
    const listing = await run(['models', '--shop', 'cli-train.myshopify.com']);
    expect(listing.split('\n')[0]).toMatch(/^lang\s+version\s+status\s+accuracy\s+macro-F1/);
    expect(listing).toMatch(/en\s+2\s+/);
    expect(listing).toMatch(/en\s+1\s+/);
    const rolled = await run(['models', 'rollback', '--shop', 'cli-train.myshopify.com', '--to', '1']);
    expect(rolled).toBe('en: now serving version 1 (was 2)\n');
    const shop = (await findShopByDomain(database.db, 'cli-train.myshopify.com'))!;
    expect((await loadActiveModelVersion(database.db, shop.id, 'en'))?.version).toBe(1);
    const [entry] = (await createAuditLog({ db: database.db }).list(shop.id, { action: 'models.rollback' })).entries;
    expect(entry).toMatchObject({ actorKind: 'staff', actorId: 'cli', detail: { from: 2, to: 1 } });
  });

  it.each([
    [['models', 'rollback', '--shop', 'cli-train.myshopify.com', '--to', '9'], /No model version 9/],
    [['train', '--shop', 'nope.myshopify.com'], /No installed shop/],
  ])('fails clearly for %j', async (args, message) => {
    await expect(run(args)).rejects.toThrow(message);
  });

  it('refuses a version that is not a number', async () => {
    await expect(run(['models', 'rollback', '--shop', 'cli-train.myshopify.com', '--to', 'latest'])).rejects.toBeInstanceOf(CommanderError);
  });
});
