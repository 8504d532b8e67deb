import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { registerRedactCommand, REDACT_EXIT_BAD_LINES } from './redact';

const fixture = join(__dirname, '../../privacy/redaction/fixtures/chat-lines.jsonl');

async function run(input: Readable): Promise<{ out: string[]; errors: string[]; exitCode: number }> {
  const errors: string[] = [];
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const program = new Command()
    .exitOverride()
    .configureOutput({ writeErr: (s) => errors.push(s.trim()), writeOut: () => undefined });
  registerRedactCommand(program, { input, output, printError: (line) => errors.push(line) });
  let exitCode = 0;
  try {
    await program.parseAsync(['node', 'storedesk', 'redact']);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    exitCode = error.exitCode;
  }
  const out = Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean);
  return { out, errors, exitCode };
}

describe('storedesk redact', () => {
  it('writes one redacted line per good input line, keeps extra fields and gives spans over the original text', async () => {
    const { out } = await run(createReadStream(fixture));
    const records = out.map((line) => JSON.parse(line));
    expect(records).toHaveLength(3);
    expect(records[0].text).toBe('hi this is <PERSON>, pls deliver to <ADDRESS>');
    expect(records[0]).toMatchObject({ channel: 'webchat', turn: 1 });
    const original =
      'hi this is Tan Wei Ming, pls deliver to Blk 123 Ang Mo Kio Ave 3 #05-67 Singapore 560123';
    expect(
      records[0].spans.map((s: { start: number; end: number }) => original.slice(s.start, s.end)),
    ).toEqual(['Tan Wei Ming', 'Blk 123 Ang Mo Kio Ave 3 #05-67 Singapore 560123']);
    expect(records[1].text).toBe('my nric <NRIC> and hp <PHONE>');
    expect(records[2].text).toBe('Is the Nike Air Max 90 still $129.90?');
    expect(out.join('\n')).not.toMatch(/S1234567D|9123 4567|Tan Wei Ming/);
  });

  it('reports each bad line by number on stderr without its content, goes on, and exits 65', async () => {
    const { out, errors, exitCode } = await run(createReadStream(fixture));
    expect(out).toHaveLength(3);
    expect(errors).toEqual(
      expect.arrayContaining([
        'line 3: not valid JSON; skipped',
        'line 4: has no string "text" field; skipped',
        'line 5: has no string "text" field; skipped',
      ]),
    );
    expect(errors.join('\n')).toMatch(/3 of 6 lines could not be redacted/);
    expect(exitCode).toBe(REDACT_EXIT_BAD_LINES);
  });

  it('exits 0 when every line is redacted, also when the last line has no newline and lines end in CRLF', async () => {
    const input = Readable.from(['{"text":"call 9123 4567"}\r\n{"te', 'xt":"order #1042 pls"}']);
    const { out, errors, exitCode } = await run(input);
    expect(exitCode).toBe(0);
    expect(errors).toEqual([]);
    expect(out.map((line) => JSON.parse(line).text)).toEqual(['call <PHONE>', 'order <ORDER_ID> pls']);
  });

  it('keeps multi-byte characters split across chunks intact', async () => {
    const bytes = Buffer.from('{"text":"Zoë Ólafsdóttir sagði já"}\n', 'utf8');
    const input = Readable.from([bytes.subarray(0, 12), bytes.subarray(12, 13), bytes.subarray(13)]);
    const { out } = await run(input);
    expect(JSON.parse(out[0]!).text).toContain('sagði já');
  });
});
