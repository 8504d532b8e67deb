import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { registerRiskCommand, RISK_EXIT } from './risk';

const fixtures = join(__dirname, '../../risk/backtest/fixtures');

function program(lines: string[]): Command {
  const p = new Command()
    .exitOverride()
    .configureOutput({ writeErr: (s) => lines.push(s), writeOut: (s) => lines.push(s) });
  registerRiskCommand(p, { printError: (line) => lines.push(line), progress: false });
  return p;
}

async function run(args: string[]): Promise<{ lines: string[]; exitCode: number }> {
  const lines: string[] = [];
  try {
    await program(lines).parseAsync(['node', 'storedesk', 'risk', 'backtest', ...args]);
    return { lines, exitCode: 0 };
  } catch (error) {
    if (error instanceof CommanderError) return { lines, exitCode: error.exitCode };
    throw error;
  }
}

describe('storedesk risk backtest', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'risk-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one scored line per order, in time order, and flags the device farm above the genuine buyer', async () => {
    const out = join(dir, 'scores.jsonl');
    const { lines, exitCode } = await run(['--events', join(fixtures, 'events-small.jsonl'), '--out', out]);
    expect(exitCode).toBe(0);
    const scored = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(scored.map((entry) => entry.order)).toEqual([
      'o-alice-1',
      'o-farm-1',
      'o-farm-2',
      'o-farm-3',
      'o-farm-4',
      'o-alice-2',
      'o-guest-1',
    ]);
    for (const entry of scored) {
      expect(Object.keys(entry).sort()).toEqual(['decision', 'order', 'reasons', 'score']);
      expect(['allow', 'review', 'deny']).toContain(entry.decision);
    }
    const byOrder = new Map(scored.map((entry) => [entry.order, entry]));
    expect(byOrder.get('o-farm-4').score).toBeGreaterThan(byOrder.get('o-alice-1').score);
    expect(byOrder.get('o-farm-4').decision).not.toBe('allow');
    expect(byOrder.get('o-farm-4').reasons.map((reason: { code: string }) => reason.code)).toContain(
      'coupon-linked-accounts',
    );
    expect(lines.join('\n')).toMatch(/scored 7 orders from 12 events/);
  });

  it('uses the thresholds of a rules file given with --rules', async () => {
    const out = join(dir, 'scores.jsonl');
    await run([
      '--events',
      join(fixtures, 'events-small.jsonl'),
      '--out',
      out,
      '--rules',
      join(fixtures, 'rules-review-everything.json'),
    ]);
    const scored = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(scored.every((entry) => entry.decision !== 'allow')).toBe(true);
  });

  it('names every invalid line, writes nothing and exits with the invalid-events code', async () => {
    const out = join(dir, 'scores.jsonl');
    const { lines, exitCode } = await run(['--events', join(fixtures, 'events-invalid.jsonl'), '--out', out]);
    expect(exitCode).toBe(RISK_EXIT.invalidEvents);
    const text = lines.join('\n');
    expect(text).toMatch(/line 2: is not valid JSON/);
    expect(text).toMatch(/line 3: "at" is not an ISO 8601 time/);
    expect(text).toMatch(/line 4: has a "type"/);
    expect(text).toMatch(/line 5: "amount"/);
    expect(text).not.toMatch(/line [16]:/);
    expect(text).not.toMatch(/\n\s+at /);
    await expect(readFile(out, 'utf8')).rejects.toThrow();
  });

  it('scores the valid lines anyway with --skip-invalid', async () => {
    const out = join(dir, 'scores.jsonl');
    const { exitCode } = await run([
      '--events',
      join(fixtures, 'events-invalid.jsonl'),
      '--out',
      out,
      '--skip-invalid',
    ]);
    expect(exitCode).toBe(0);
    expect(
      (await readFile(out, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).order),
    ).toEqual(['o-5']);
  });

  it.each([
    [['--events', 'no-such-file.jsonl'], RISK_EXIT.usage, /cannot read the events file/],
    [
      ['--events', join(fixtures, 'events-small.jsonl'), '--rules', join(fixtures, 'rules-invalid.json')],
      RISK_EXIT.usage,
      /not a valid rules document[\s\S]*rules\.0\.feature/,
    ],
    [
      ['--events', join(fixtures, 'events-small.jsonl'), '--rules', 'missing-rules.json'],
      RISK_EXIT.usage,
      /cannot read the rules file/,
    ],
  ])('rejects %p with a clear message and exit code %p', async (args, code, message) => {
    const { lines, exitCode } = await run([...args, '--out', join(dir, 'scores.jsonl')]);
    expect(exitCode).toBe(code);
    expect(lines.join('\n')).toMatch(message);
  });

  it('reports a missing --out as a usage error', async () => {
    const { lines, exitCode } = await run(['--events', join(fixtures, 'events-small.jsonl')]);
    expect(exitCode).toBe(1);
    expect(lines.join('\n')).toMatch(/--out/);
  });
});
