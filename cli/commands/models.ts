import { InvalidArgumentError, type Command } from 'commander';
import { createAuditLog } from '../../privacy';
import { listModelVersions, rollbackModel, type ModelVersionSummary } from '../../training/model-versions';
import type { CliContext } from '../context';

const pct = (x: unknown) => (typeof x === 'number' ? `${(x * 100).toFixed(1)}%` : '-');

/** The version table `storedesk models` prints. */
export function formatModelVersions(versions: readonly ModelVersionSummary[]): string {
  if (versions.length === 0) return 'no model versions yet (run `storedesk train --shop DOMAIN`)';
  const header = ['lang', 'version', 'status', 'accuracy', 'macro-F1', 'held-out', 'corpus', 'train s', 'model KB', 'created'];
  const rows = versions.map((v) => {
    const m = v.metrics;
    return [
      v.language,
      String(v.version),
      v.status,
      pct(m.accuracy),
      pct(m.macroF1),
      String(m.heldOutSize ?? '-'),
      String(v.corpusSize),
      typeof m.trainingSeconds === 'number' ? m.trainingSeconds.toFixed(1) : '-',
      typeof m.modelBytes === 'number' ? (m.modelBytes / 1024).toFixed(0) : '-',
      v.createdAt.toISOString().slice(0, 16).replace('T', ' '),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/**
 * Adds `storedesk models --shop DOMAIN [--lang en]` (versions with their metrics) and
 * `storedesk models rollback --shop DOMAIN --to VERSION [--lang en]` (serves that version again; audited).
 */
export function registerModelsCommand(program: Command, context: () => CliContext): void {
  const models = program.command('models').description("a shop's intent model versions: list (the default) and rollback");
  models
    .command('list', { isDefault: true })
    .description("list a shop's intent model versions with their metrics")
    .requiredOption('--shop <domain>', 'the shop, e.g. my-store.myshopify.com')
    .option('--lang <lang>', 'only this language')
    .action(async (flags: { shop: string; lang?: string }) => {
      const ctx = context();
      const shop = await ctx.shop(flags.shop);
      const versions = await listModelVersions((await ctx.database()).db, shop.id, { language: flags.lang });
      process.stdout.write(`${formatModelVersions(versions)}\n`);
    });
  models
    .command('rollback')
    .description('serve an earlier (or a stored candidate) model version; bot processes pick it up within 30 s')
    .requiredOption('--shop <domain>', 'the shop, e.g. my-store.myshopify.com')
    .requiredOption('--to <version>', 'the version to serve', (value) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`--to must be a version number, got "${value}"`);
      return n;
    })
    .option('--lang <lang>', 'language', 'en')
    .action(async (flags: { shop: string; to: number; lang: string }) => {
      const ctx = context();
      const shop = await ctx.shop(flags.shop);
      const { db } = await ctx.database();
      const result = await rollbackModel({ db, auditLog: createAuditLog({ db }) }, { shopId: shop.id, language: flags.lang, version: flags.to, actor: { kind: 'staff', id: 'cli' } });
      process.stdout.write(result.changed ? `${flags.lang}: now serving version ${result.to} (was ${result.from ?? 'none'})\n` : `${flags.lang}: version ${result.to} is already live\n`);
    });
}
