import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The connection string of a storedesk process that already serves `dataDir`, if one is running.
 * Only loopback is ever used, so this never exposes the database beyond the machine.
 */
export function findRunningEmbeddedServer(dataDir: string): string | undefined {
  try {
    const { pid, port } = JSON.parse(readFileSync(join(resolve(dataDir), 'embedded.json'), 'utf8')) as { pid: number; port: number };
    process.kill(pid, 0);
    return `postgres://postgres@127.0.0.1:${port}/postgres`;
  } catch {
    return undefined;
  }
}
