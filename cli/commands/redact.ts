import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { redactJsonlStream } from '../../privacy';

/** Exit code of `storedesk redact` when at least one line could not be redacted. */
export const REDACT_EXIT_BAD_LINES = 65;

/** Streams the command uses; tests pass their own. */
export interface RedactCommandDeps {
  input?: Readable;
  output?: Writable;
  /** Where line errors go; stderr by default. */
  printError?: (line: string) => void;
}

/**
 * Adds `storedesk redact`: JSONL `{"text": ...}` on stdin, one redacted line per input on stdout
 * (`{"text": "<redacted>", "spans": [...]}` plus the other fields), spans over the original text.
 * Bad lines are reported on stderr by number and skipped; the exit code is 65 if any line failed.
 */
export function registerRedactCommand(program: Command, deps: RedactCommandDeps = {}): void {
  program
    .command('redact')
    .description('redact personal data from JSONL {"text": ...} lines on stdin to stdout')
    .option('--locale <locale>', 'locale of the text, e.g. en-SG')
    .action(async (flags: { locale?: string }, cmd: Command) => {
      const printError = deps.printError ?? ((line: string) => process.stderr.write(`${line}\n`));
      const summary = await redactJsonlStream(deps.input ?? process.stdin, deps.output ?? process.stdout, {
        locale: flags.locale,
        onLineError: (line, reason) => printError(`line ${line}: ${reason}; skipped`),
      });
      if (summary.failed > 0) {
        cmd.error(`error: ${summary.failed} of ${summary.lines} lines could not be redacted`, {
          exitCode: REDACT_EXIT_BAD_LINES,
          code: 'storedesk.redact',
        });
      }
    });
}
