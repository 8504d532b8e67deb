import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// Run the server as `npm start` does: node with tsx's loader, so signals reach the server itself.
const tsxLoader = pathToFileURL(require.resolve('tsx')).href;
const mainPath = resolve(__dirname, 'main.ts');

function startMain(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', tsxLoader, mainPath], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
    cwd: mkdtempSync(join(tmpdir(), 'storedesk-cwd-')),
  });
  let text = '';
  child.stdout?.on('data', (chunk) => (text += chunk));
  child.stderr?.on('data', (chunk) => (text += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => text, exited };
}

async function waitForOutput(output: () => string, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  const started = Date.now();
  for (;;) {
    const match = output().match(pattern);
    if (match) return match;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${pattern}; got:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the server process', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'storedesk-data-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a bad configuration with one message listing every problem, and no stack trace', async () => {
    const run = startMain({ PORT: 'abc', LOG_LEVEL: 'loud', SHOPIFY_API_KEY: 'key', DATA_DIR: dataDir });
    expect(await run.exited).toBe(1);
    const text = run.output();
    expect(text).toMatch(/Invalid configuration/);
    expect(text).toMatch(/PORT/);
    expect(text).toMatch(/LOG_LEVEL/);
    expect(text).toMatch(/SHOPIFY_API_KEY, SHOPIFY_API_SECRET and SHOPIFY_APP_URL go together/);
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('starts on the embedded default, refuses a second process on the same data, and stops cleanly on SIGTERM', async () => {
    const first = startMain({ PORT: '0', DATA_DIR: dataDir });
    const [, url] = await waitForOutput(first.output, /Health:\s+(http:\/\/localhost:\d+)\/readyz/);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);

    const second = startMain({ PORT: '0', DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another storedesk process/);

    const stoppedAt = Date.now();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);

    // The data survived both: a new process opens it.
    const third = startMain({ PORT: '0', DATA_DIR: dataDir });
    await waitForOutput(third.output, /storedesk is ready/);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 120_000);
});
