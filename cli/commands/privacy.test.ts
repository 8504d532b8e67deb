import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import pino from 'pino';
import type { Config } from '../../core/config';
import { AppError } from '../../core/errors';
import { findShopByDomain, updateShopSettings, upsertShop, type Database } from '../../db';
import { createTestDatabase, testEngine } from '../../db/testing';
import type { CliContext } from '../context';
import { PRIVACY_EXIT_CANNOT_WRITE, registerPrivacyCommand } from './privacy';

describe(`storedesk privacy report on ${testEngine}`, () => {
  let database: Database;
  let dir: string;
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);

  // The real context opens the configured database; this one hands over the test database.
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

  async function run(args: string[]): Promise<number> {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
    registerPrivacyCommand(program, context);
    try {
      await program.parseAsync(['node', 'storedesk', 'privacy', 'report', ...args]);
      return 0;
    } catch (error) {
      if (error instanceof CommanderError) return error.exitCode;
      throw error;
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const shop = await upsertShop(database.db, { domain: 'cli-records.myshopify.com', name: 'Kopi Co' });
    await updateShopSettings(database.db, shop.id, { dataProtectionContact: { name: 'Dana Lim', email: 'dpo@kopi.sg' } });
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'privacy-cli-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  afterAll(async () => {
    stdout.mockRestore();
    await database.close();
  });

  it('writes the three documents as Markdown and HTML', async () => {
    expect(await run(['--shop', 'cli-records.myshopify.com', '--out', dir])).toBe(0);
    expect((await readdir(dir)).sort()).toEqual([
      'business-improvement.html',
      'business-improvement.md',
      'legitimate-interests.html',
      'legitimate-interests.md',
      'privacy-notice.html',
      'privacy-notice.md',
    ]);
    expect(await readFile(join(dir, 'privacy-notice.md'), 'utf8')).toContain('Dana Lim');
    expect(await readFile(join(dir, 'privacy-notice.html'), 'utf8')).toMatch(/^<!doctype html>[\s\S]*Dana Lim/);
  });

  it('fails with a clear error for a shop that is not installed', async () => {
    await expect(run(['--shop', 'nobody.myshopify.com', '--out', dir])).rejects.toThrow(/No installed shop/);
  });

  it('exits 74 when the output directory cannot be written', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    expect(await run(['--shop', 'cli-records.myshopify.com', '--out', join(file, 'sub')])).toBe(PRIVACY_EXIT_CANNOT_WRITE);
  });
});
