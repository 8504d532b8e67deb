import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsFolder } from '../migrate';
import { openDatabase } from '../open-database';

/**
 * A migrated PGlite data directory, made once and kept in the system's temp folder, so each test file
 * starts from it instead of running initdb and every migration again. Keyed by the migrations'
 * content, so a new migration makes a new template.
 */
export async function migratedPgliteTemplate(): Promise<Blob> {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).sort()) {
    hash.update(file).update(readFileSync(join(migrationsFolder, file)));
  }
  const path = join(tmpdir(), `storedesk-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
  if (!existsSync(path)) {
    const database = await openDatabase({ poolSize: 2 });
    try {
      const dump = await database.dumpEmbedded!();
      const partial = `${path}.${process.pid}.partial`;
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      // Test workers may race to make it; a rename is atomic, so readers never see half a file.
      renameSync(partial, path);
    } finally {
      await database.close();
    }
  }
  return new Blob([readFileSync(path)]);
}
