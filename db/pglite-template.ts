import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder } from './migrate';
import { openDatabase } from './open-database';

/** Where build artefacts that `npm install` prepares are kept. */
export const defaultCacheDir = join(__dirname, '..', 'node_modules', '.cache', 'storedesk');

function templatePath(cacheDir: string): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).sort()) {
    hash.update(file).update(readFileSync(join(migrationsFolder, file)));
  }
  return join(cacheDir, `pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

/**
 * A PGlite data directory with every migration applied, as a tarball. Creating a database runs initdb
 * and all migrations, which takes many seconds on a small machine; starting from this template takes
 * about one. `npm install` prepares it, tests reuse it, and it is keyed by the migrations' content, so
 * a new migration makes a new template.
 */
export async function ensurePgliteTemplate(cacheDir = defaultCacheDir): Promise<Blob> {
  const path = templatePath(cacheDir);
  if (!existsSync(path)) {
    const database = await openDatabase({ poolSize: 2 });
    try {
      const dump = await database.dumpEmbedded!();
      mkdirSync(cacheDir, { recursive: true });
      const partial = `${path}.${process.pid}.partial`;
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      // Several processes may race to make it; a rename is atomic, so readers never see half a file.
      renameSync(partial, path);
    } finally {
      await database.close();
    }
  }
  return new Blob([readFileSync(path)]);
}

/** The prepared template for the current migrations, if `npm install` made one. */
export function readPgliteTemplate(cacheDir = defaultCacheDir): Blob | undefined {
  const path = templatePath(cacheDir);
  return existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
}
