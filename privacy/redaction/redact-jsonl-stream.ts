import { Transform, Writable } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { redact } from './redact';

/** Options for {@link redactJsonlStream}. */
export interface RedactJsonlOptions {
  /** Told about each line that could not be redacted (1-based number, reason without content). */
  onLineError: (line: number, reason: string) => void;
  /** Locale passed to `redact`. */
  locale?: string;
  /** Longest accepted line in characters; longer lines are skipped as errors (keeps memory flat). */
  maxLineLength?: number;
}

/** Counts after a stream has been redacted. */
export interface RedactJsonlSummary {
  lines: number;
  redacted: number;
  failed: number;
}

const DEFAULT_MAX_LINE = 8 * 1024 * 1024;

function redactLine(line: string, locale: string | undefined): { out: string } | { reason: string } {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return { reason: 'not valid JSON' };
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return { reason: 'not a JSON object' };
  const text = (record as { text?: unknown }).text;
  if (typeof text !== 'string') return { reason: 'has no string "text" field' };
  const result = redact(text, { locale });
  return { out: JSON.stringify({ ...record, text: result.text, spans: result.spans }) };
}

/**
 * Redacts a JSONL stream of `{"text": ...}` records into `output`, one line per good input line,
 * with extra fields passed through and spans over the original text. Bad lines are reported to
 * `onLineError` and skipped; the stream goes on. Memory stays flat: one line at a time, with
 * backpressure from `output`, which is not ended (so stdout can be used).
 */
export async function redactJsonlStream(
  input: Readable,
  output: Writable,
  options: RedactJsonlOptions,
): Promise<RedactJsonlSummary> {
  const maxLine = options.maxLineLength ?? DEFAULT_MAX_LINE;
  const summary: RedactJsonlSummary = { lines: 0, redacted: 0, failed: 0 };
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let skippingLongLine = false;

  const handle = (line: string, overlong: boolean): string => {
    summary.lines++;
    if (overlong) {
      summary.failed++;
      options.onLineError(summary.lines, `longer than ${maxLine} characters`);
      return '';
    }
    const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
    const result = redactLine(trimmed, options.locale);
    if ('reason' in result) {
      summary.failed++;
      options.onLineError(summary.lines, result.reason);
      return '';
    }
    summary.redacted++;
    return result.out + '\n';
  };

  const lines = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const text = pending + decoder.write(chunk);
      let out = '';
      let from = 0;
      let nl = text.indexOf('\n');
      while (nl !== -1) {
        const line = text.slice(from, nl);
        out += skippingLongLine ? handle('', true) : handle(line, line.length > maxLine);
        skippingLongLine = false;
        from = nl + 1;
        nl = text.indexOf('\n', from);
      }
      pending = text.slice(from);
      if (pending.length > maxLine) {
        skippingLongLine = true;
        pending = '';
      }
      callback(null, out.length > 0 ? out : undefined);
    },
    flush(callback) {
      const rest = pending + decoder.end();
      const out = skippingLongLine
        ? handle('', true)
        : rest.length > 0
          ? handle(rest, rest.length > maxLine)
          : '';
      callback(null, out.length > 0 ? out : undefined);
    },
  });

  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (output.write(chunk)) callback();
      else output.once('drain', () => callback());
    },
  });

  await pipeline(input, lines, sink);
  return summary;
}
