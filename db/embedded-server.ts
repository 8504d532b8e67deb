import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDir } from './data-dir-lock';
import { GroupedQueryQueue } from './embedded-query-queue';
import { readPgliteTemplate } from './pglite-template';

/** A PGlite database served on a loopback port, so node-postgres (and Agenda) can talk to it. */
export interface EmbeddedServer {
  connectionString: string;
  /** The data directory as a tarball. */
  dump(): Promise<Blob>;
  close(): Promise<void>;
}

/**
 * Starts PGlite in this process. With `dataDir` it persists there (and locks it);
 * without, it lives in memory (tests).
 */
export async function startEmbeddedServer(options: {
  dataDir?: string;
  maxConnections: number;
  /** Starts an in-memory database from a dumped data directory (tests reuse a migrated template). */
  loadDataDir?: Blob;
}): Promise<EmbeddedServer> {
  const lock = options.dataDir ? lockDataDir(resolve(options.dataDir)) : undefined;
  try {
    const pgliteDir = options.dataDir ? join(resolve(options.dataDir), 'pglite') : undefined;
    // A new data directory starts from the migrated template `npm install` prepared, when there is one.
    const template = pgliteDir && !existsSync(join(pgliteDir, 'PG_VERSION')) ? readPgliteTemplate() : options.loadDataDir;
    const pglite = pgliteDir ? await PGlite.create(pgliteDir, { loadDataDir: template }) : await PGlite.create({ loadDataDir: template });
    const server = new PGLiteSocketServer({
      db: pglite,
      host: '127.0.0.1',
      port: 0,
      maxConnections: options.maxConnections,
    });
    // See GroupedQueryQueue: the stock queue can interleave two connections' extended-protocol messages.
    (server as unknown as { queryQueue: GroupedQueryQueue }).queryQueue = new GroupedQueryQueue(pglite);
    await server.start();
    const port = Number(server.getServerConn().split(':').pop());
    const endpointPath = options.dataDir ? join(resolve(options.dataDir), 'embedded.json') : undefined;
    // Lets a CLI in another process attach to this server's database instead of opening the files twice.
    if (endpointPath) writeFileSync(endpointPath, JSON.stringify({ pid: process.pid, port }), { mode: 0o600 });
    return {
      connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
      dump: () => pglite.dumpDataDir('none'),
      async close() {
        if (endpointPath) rmSync(endpointPath, { force: true });
        await server.stop();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

