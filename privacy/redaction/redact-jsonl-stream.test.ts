import { PassThrough, Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { redactJsonlStream } from './redact-jsonl-stream';

describe('redactJsonlStream', () => {
  // The read-ahead is bounded by the stream buffers (a few hundred lines), not by the input size.
  it('reads ahead only a bounded number of lines when the output is slow (backpressure)', async () => {
    let produced = 0;
    let written = 0;
    let maxAhead = 0;
    const input = Readable.from(
      (function* lines() {
        for (let i = 0; i < 10_000; i++) {
          produced++;
          maxAhead = Math.max(maxAhead, produced - written);
          yield `{"text":"hi this is Tan Wei Ming, my hp is 9123 4567, order #${1000 + i}"}\n`;
        }
      })(),
    );
    const output = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.toString('utf8').split('\n').length - 1;
        setImmediate(callback);
      },
    });
    const summary = await redactJsonlStream(input, output, { onLineError: () => undefined });
    expect(summary).toEqual({ lines: 10_000, redacted: 10_000, failed: 0 });
    output.end();
    await finished(output);
    expect(written).toBe(10_000);
    expect(maxAhead).toBeLessThan(2_500);
  });

  it('skips a line longer than the limit as an error and carries on with the next', async () => {
    const errors: Array<[number, string]> = [];
    const long = `{"text":"${'x'.repeat(10_000)}"}`;
    const input = Readable.from([
      `{"text":"a"}\n${long.slice(0, 2_000)}`,
      `${long.slice(2_000)}\n{"text":"call 9123 4567"}\n`,
    ]);
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
    const summary = await redactJsonlStream(input, output, {
      maxLineLength: 1_000,
      onLineError: (line, reason) => errors.push([line, reason]),
    });
    expect(summary).toEqual({ lines: 3, redacted: 2, failed: 1 });
    expect(errors).toEqual([[2, 'longer than 1000 characters']]);
    expect(chunks.join('')).toContain('call <PHONE>');
  });
});
