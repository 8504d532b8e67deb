import { readFile, writeFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { LearnedModel, parseRulesDocument, readEventsFile, runBacktest } from '../../risk';
import type { LearnedModelJson, ReplayEvent, RulesDocument } from '../../risk';

/** Exit codes of `storedesk risk backtest`: 2 bad usage or unreadable file, 65 invalid events, 74 cannot write output. */
export const RISK_EXIT = { usage: 2, invalidEvents: 65, cannotWrite: 74 } as const;

/** What the command needs from its surroundings; tests pass their own. */
export interface RiskCommandDeps {
  /** Where line-by-line problems and the summary go; stderr by default. */
  printError?: (line: string) => void;
  /** Show a progress bar; by default only when stderr is a terminal. */
  progress?: boolean;
}

interface BacktestFlags {
  events: string;
  out: string;
  rules?: string;
  model?: string;
  skipInvalid?: boolean;
}

const MAX_LISTED_PROBLEMS = 50;

async function readJson(
  path: string,
  what: string,
  fail: (message: string, exitCode: number) => never,
): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return fail(
      `cannot read the ${what} file ${path} (${(error as NodeJS.ErrnoException).code ?? 'read error'})`,
      RISK_EXIT.usage,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    return fail(`the ${what} file ${path} is not valid JSON`, RISK_EXIT.usage);
  }
}

async function backtest(flags: BacktestFlags, cmd: Command, deps: RiskCommandDeps): Promise<void> {
  const printError = deps.printError ?? ((line: string) => process.stderr.write(`${line}\n`));
  const fail = (message: string, exitCode: number): never =>
    cmd.error(`error: ${message}`, { exitCode, code: 'storedesk.risk' });
  let rules: RulesDocument | undefined;
  if (flags.rules) {
    const parsed = parseRulesDocument(await readJson(flags.rules, 'rules', fail));
    if (!parsed.ok)
      fail(
        `the rules file ${flags.rules} is not a valid rules document:\n  ${parsed.problems.join('\n  ')}`,
        RISK_EXIT.usage,
      );
    else rules = parsed.rules;
  }
  let model: LearnedModel | undefined;
  if (flags.model) {
    model = LearnedModel.fromJSON((await readJson(flags.model, 'model', fail)) as LearnedModelJson);
    if (!model)
      fail(`the model file ${flags.model} was trained on other features; retrain it`, RISK_EXIT.usage);
  }
  let read: { events: ReplayEvent[]; problems: { line: number; problem: string }[] };
  try {
    read = await readEventsFile(flags.events);
  } catch (error) {
    return fail(
      `cannot read the events file ${flags.events} (${(error as NodeJS.ErrnoException).code ?? 'read error'})`,
      RISK_EXIT.usage,
    );
  }
  for (const { line, problem } of read.problems.slice(0, MAX_LISTED_PROBLEMS))
    printError(`${flags.events} line ${line}: ${problem}`);
  if (read.problems.length > MAX_LISTED_PROBLEMS)
    printError(`… and ${read.problems.length - MAX_LISTED_PROBLEMS} more invalid lines`);
  if (read.problems.length > 0 && !flags.skipInvalid) {
    fail(
      `${read.problems.length} invalid line(s) in ${flags.events}; nothing was scored (fix them, or pass --skip-invalid to score the rest)`,
      RISK_EXIT.invalidEvents,
    );
  }
  const showProgress = deps.progress ?? Boolean(process.stderr.isTTY);
  const bar = showProgress
    ? new SingleBar({
        stream: process.stderr,
        format: 'backtest [{bar}] {percentage}% {value}/{total} events | ETA {eta}s',
      })
    : undefined;
  bar?.start(read.events.length, 0);
  const scored = await runBacktest(read.events, {
    rules,
    model,
    onProgress: bar
      ? (done) => (done % 1000 === 0 || done === read.events.length) && bar.update(done)
      : undefined,
  });
  bar?.stop();
  const lines = scored.map((entry) =>
    JSON.stringify({
      order: entry.order,
      score: Math.round(entry.score * 10_000) / 10_000,
      decision: entry.decision,
      reasons: entry.reasons.map((reason) => ({
        code: reason.code,
        description: reason.description,
        contribution: Math.round(reason.contribution * 1000) / 1000,
      })),
    }),
  );
  try {
    await writeFile(flags.out, lines.length ? `${lines.join('\n')}\n` : '');
  } catch (error) {
    fail(
      `cannot write ${flags.out} (${(error as NodeJS.ErrnoException).code ?? 'write error'})`,
      RISK_EXIT.cannotWrite,
    );
  }
  const counts = { allow: 0, review: 0, deny: 0 };
  for (const entry of scored) counts[entry.decision] += 1;
  printError(
    `scored ${scored.length} orders from ${read.events.length} events: ${counts.allow} allow, ${counts.review} review, ${counts.deny} deny → ${flags.out}`,
  );
}

/** Adds `storedesk risk backtest --events FILE.jsonl --out SCORES.jsonl [--rules RULES.json] [--model MODEL.json]`. */
export function registerRiskCommand(program: Command, deps: RiskCommandDeps = {}): void {
  const risk = program.command('risk').description('Risk control: fraud and abuse scoring');
  risk
    .command('backtest')
    .description(
      'Replay sign-up and order events in time order and score each order with only what was known then',
    )
    .requiredOption(
      '--events <file>',
      'JSON Lines of account and order events (any order; sorted by time before replay)',
    )
    .requiredOption(
      '--out <file>',
      'where to write one JSON line per order: {order, score, decision, reasons}',
    )
    .option('--rules <file>', 'rules document (JSON) to try instead of the default rules')
    .option('--model <file>', 'learned model (JSON) to blend with the rules')
    .option('--skip-invalid', 'report invalid lines but score the valid ones anyway')
    .action((flags: BacktestFlags, cmd: Command) => backtest(flags, cmd, deps));
}
