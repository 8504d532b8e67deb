import type { Command } from 'commander';
import { createRetrainer, type RetrainResult } from '../../training/retrain';
import type { CliContext } from '../context';
import { createProgress } from '../context';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '-' : `${(x * 100).toFixed(1)}%`);

/** The report `storedesk train` prints: evaluation, gate decision, corpus and cost. */
export function formatRetrainReport(result: RetrainResult): string {
  const c = result.candidate;
  const l = result.live;
  return [
    `version ${result.version}: ${result.promoted ? 'PROMOTED (now live)' : 'NOT promoted (the live model stays)'}`,
    `gate: ${result.gate.reasons.join('; ')}`,
    `held-out turns: ${result.corpus.heldOut}`,
    `  candidate  accuracy ${pct(c?.accuracy)}  macro-F1 ${pct(c?.macroF1)}  in-scope ${pct(c?.inScopeAccuracy)}  out-of-scope recall ${pct(c?.outOfScopeRecall)}`,
    `  live${l ? ` v${l.version}`.padEnd(7) : ' (none)'} accuracy ${pct(l?.accuracy)}  macro-F1 ${pct(l?.macroF1)}`,
    `corpus: ${result.corpus.size} examples, ${result.corpus.intents} intents (catalog ${result.corpus.catalog}, trainer labels ${result.corpus.labels}, confident turns ${result.corpus.confidentTurns}, None ${result.corpus.none})`,
    `training ${result.trainingSeconds.toFixed(1)} s, model ${(result.modelBytes / 1024).toFixed(0)} KB`,
  ].join('\n');
}

/**
 * Adds `storedesk train --shop DOMAIN [--lang en]`: retrains the shop now (the nightly job's use-case)
 * with a progress bar, prints the evaluation and whether the model was promoted.
 */
export function registerTrainCommand(program: Command, context: () => CliContext): void {
  program
    .command('train')
    .description("retrain a shop's intent model now, evaluate it on held-out turns and promote it if it is not worse")
    .requiredOption('--shop <domain>', 'the shop, e.g. my-store.myshopify.com')
    .option('--lang <lang>', 'language', 'en')
    .option('--json', 'print the result as JSON')
    .action(async (flags: { shop: string; lang: string; json?: boolean }) => {
      const ctx = context();
      const shop = await ctx.shop(flags.shop);
      const { db } = await ctx.database();
      const progress = createProgress(`training ${flags.lang}`, 100);
      let result: RetrainResult;
      try {
        result = await createRetrainer({ db }).retrainShop(shop.id, flags.lang, { trigger: 'cli', onProgress: (f) => progress.update(Math.round(f * 100)) });
      } finally {
        progress.stop();
      }
      process.stdout.write(`${flags.json ? JSON.stringify(result) : formatRetrainReport(result)}\n`);
    });
}
