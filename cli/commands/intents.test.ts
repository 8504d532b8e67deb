import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { INTENTS_EXIT, registerIntentsCommand } from './intents';

const fixture = join(__dirname, '../../training/intent-model/fixtures/shop-intents.jsonl');

async function run(args: string[]): Promise<{ lines: string[]; exitCode: number }> {
  const lines: string[] = [];
  const program = new Command().exitOverride().configureOutput({ writeErr: (s) => lines.push(s), writeOut: (s) => lines.push(s) });
  registerIntentsCommand(program, { print: (line) => lines.push(line), progress: false });
  try {
    await program.parseAsync(['node', 'storedesk', 'intents', 'eval', ...args]);
    return { lines, exitCode: 0 };
  } catch (error) {
    if (error instanceof CommanderError) return { lines, exitCode: error.exitCode };
    throw error;
  }
}

describe('storedesk intents eval', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'intents-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one prediction per test line, in order, and prints the figures', async () => {
    const test = join(dir, 'test.jsonl');
    const lines = ['{"text":"where is my parcel","intent":"track_order"}', '{"text":"cancel the order please","intent":"cancel_order"}', '{"text":"tell me a joke please","intent":"None"}'];
    await writeFile(test, lines.join('\n') + '\n');
    const out = join(dir, 'pred.jsonl');
    const { lines: printed, exitCode } = await run(['--train', fixture, '--test', test, '--predictions', out]);
    expect(exitCode).toBe(0);
    const predictions = (await readFile(out, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(predictions.map((p) => p.text)).toEqual(['where is my parcel', 'cancel the order please', 'tell me a joke please']);
    expect(predictions.map((p) => p.intent)).toEqual(['track_order', 'cancel_order', 'None']);
    for (const p of predictions) expect(Object.keys(p)).toEqual(['text', 'intent', 'score']);
    const report = printed.join('\n');
    for (const label of ['accuracy: 100.00%', 'in-scope accuracy: 100.00%', 'out-of-scope recall: 100.00%', 'training seconds:', 'model bytes:', 'per-query ms: p50']) expect(report).toContain(label);
  });

  it.each([
    ['a missing training file', async (d: string) => ['--train', join(d, 'nope.jsonl'), '--test', fixture], INTENTS_EXIT.usage, /cannot read the training file .*nope\.jsonl \(ENOENT\)/],
    ['a bad JSON line in the test file', async (d: string) => {
      await writeFile(join(d, 'bad.jsonl'), '{"text":"ok","intent":"a"}\n{"text": broken\n');
      return ['--train', fixture, '--test', join(d, 'bad.jsonl')];
    }, INTENTS_EXIT.invalidData, /bad\.jsonl:2: not valid JSON/],
    ['an unsupported language', async () => ['--train', fixture, '--test', fixture, '--lang', 'xx'], INTENTS_EXIT.usage, /Unsupported language "xx"/],
  ])('fails with a clear message and a non-zero exit on %s', async (_name, args, exitCode, message) => {
    const { lines, exitCode: code } = await run([...(await args(dir)), '--predictions', join(dir, 'p.jsonl')]);
    expect(code).toBe(exitCode);
    expect(lines.join('\n')).toMatch(message);
    expect(lines.join('\n')).not.toMatch(/\s+at .*\.ts:\d+/);
  });
});
