import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDir } from './data-dir-lock';

/** A PGlite database served on a loopback port, so node-postgres (and Agenda) can talk to it. */
export interface EmbeddedServer {
  connectionString: string;
  close(): Promise<void>;
}

/**
 * Starts PGlite in this process. With `dataDir` it persists there (and locks it);
 * without, it lives in memory (tests).
 */
export async function startEmbeddedServer(options: {
  dataDir?: string;
  maxConnections: number;
}): Promise<EmbeddedServer> {
  const lock = options.dataDir ? lockDataDir(resolve(options.dataDir)) : undefined;
  try {
    const pglite = options.dataDir
      ? await PGlite.create(join(resolve(options.dataDir), 'pglite'))
      : await PGlite.create();
    const server = new PGLiteSocketServer({
      db: pglite,
      host: '127.0.0.1',
      port: 0,
      maxConnections: options.maxConnections,
    });
    await server.start();
    const port = Number(server.getServerConn().split(':').pop());
    return {
      connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async close() {
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
