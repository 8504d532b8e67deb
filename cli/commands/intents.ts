import { readFile, writeFile } from 'node:fs/promises';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { isAppError } from '../../core/errors';
import { evaluateClassifier, parseIntentJsonl, trainIntentModel } from '../../training';
import type { LabelledText } from '../../training';

/** Exit codes of `storedesk intents eval`: 2 unreadable file or bad option, 65 invalid data, 74 cannot write output. */
export const INTENTS_EXIT = { usage: 2, invalidData: 65, cannotWrite: 74 } as const;

/** What the command needs from its surroundings; tests pass their own. */
export interface IntentsCommandDeps {
  /** Where the report goes; stdout by default. */
  print?: (line: string) => void;
  /** Show a progress bar; by default only when stderr is a terminal. */
  progress?: boolean;
}

interface EvalFlags {
  train: string;
  test: string;
  val?: string;
  lang: string;
  predictions: string;
  seed: string;
}

const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(2)}%`);

async function evaluate(flags: EvalFlags, cmd: Command, deps: IntentsCommandDeps): Promise<void> {
  const print = deps.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const fail = (message: string, exitCode: number): never => cmd.error(`error: ${message}`, { exitCode, code: 'storedesk.intents' });
  const seed = Number(flags.seed);
  if (!Number.isInteger(seed)) fail(`--seed must be an integer, got "${flags.seed}"`, INTENTS_EXIT.usage);

  const load = async (path: string, what: string): Promise<LabelledText[]> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      return fail(`cannot read the ${what} file ${path} (${(error as NodeJS.ErrnoException).code ?? 'read error'})`, INTENTS_EXIT.usage);
    }
    try {
      const examples = parseIntentJsonl(text, path);
      if (examples.length === 0) fail(`the ${what} file ${path} has no examples`, INTENTS_EXIT.invalidData);
      return examples;
    } catch (error) {
      if (isAppError(error)) return fail(error.message, INTENTS_EXIT.invalidData);
      throw error;
    }
  };
  const train = await load(flags.train, 'training');
  const test = await load(flags.test, 'test');
  const validation = flags.val ? await load(flags.val, 'validation') : undefined;

  const showBar = deps.progress ?? process.stderr.isTTY === true;
  const bar = showBar ? new SingleBar({ format: 'training [{bar}] {percentage}% | {duration}s', stream: process.stderr, hideCursor: true }, Presets.shades_classic) : undefined;
  bar?.start(100, 0);
  const started = process.hrtime.bigint();
  let model;
  try {
    model = await trainIntentModel(train, { lang: flags.lang, seed, validation, onProgress: (f) => bar?.update(Math.round(f * 100)) });
  } catch (error) {
    bar?.stop();
    if (isAppError(error)) return fail(error.message, INTENTS_EXIT.usage);
    throw error;
  }
  const trainSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  bar?.stop();
  const modelBytes = Buffer.byteLength(JSON.stringify(model.toJSON()));
  const { predictions, metrics, latencyMs } = await evaluateClassifier(model, test);

  try {
    await writeFile(flags.predictions, predictions.map((p) => JSON.stringify(p)).join('\n') + '\n');
  } catch (error) {
    return fail(`cannot write the predictions file ${flags.predictions} (${(error as NodeJS.ErrnoException).code ?? 'write error'})`, INTENTS_EXIT.cannotWrite);
  }
  print(`examples: train ${train.length}, test ${test.length}${validation ? `, validation ${validation.length}` : ' (threshold chosen on 10% of each intent of train and half of its out-of-scope lines)'}`);
  print(`accuracy: ${percent(metrics.accuracy)}`);
  print(`in-scope accuracy: ${percent(metrics.inScopeAccuracy)}`);
  print(`out-of-scope recall: ${percent(metrics.outOfScopeRecall)}`);
  print(`macro-F1: ${metrics.macroF1.toFixed(4)}`);
  print(`threshold: ${model.threshold}`);
  print(`training seconds: ${trainSeconds.toFixed(2)}`);
  print(`model bytes: ${modelBytes}`);
  print(`per-query ms: p50 ${latencyMs.p50.toFixed(3)}, p99 ${latencyMs.p99.toFixed(3)}`);
  print(`predictions: ${flags.predictions}`);
}

/** Adds `storedesk intents eval`: trains the production intent pipeline and scores it on a test file. */
export function registerIntentsCommand(program: Command, deps: IntentsCommandDeps = {}): void {
  const intents = program.command('intents').description('Intent model tools');
  intents
    .command('eval')
    .description('Train the production intent pipeline on TRAIN and score it on TEST; writes one prediction per test line')
    .requiredOption('--train <file>', 'training examples, one {"text","intent"} JSON object per line')
    .requiredOption('--test <file>', 'test examples, same format; "None" marks out-of-scope')
    .option('--val <file>', 'validation examples for choosing the threshold (default: 10% of each intent of train and half of its out-of-scope lines)')
    .option('--lang <code>', 'language: en, zh, ms or ta', 'en')
    .option('--seed <n>', 'seed for shuffling and splits', '42')
    .requiredOption('--predictions <file>', 'where to write {"text","intent","score"} lines, in test order')
    .action(async (flags: EvalFlags, cmd: Command) => evaluate(flags, cmd, deps));
}
