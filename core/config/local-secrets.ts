import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const localSecretsSchema = z.object({
  encryptionKey: z.string().regex(/^[0-9a-f]{64}$/),
  adminPassword: z.string().min(12),
});

/** Secrets the embedded default generates for itself on first start. */
export type LocalSecrets = z.infer<typeof localSecretsSchema> & { generated: boolean };

/**
 * Reads `DATA_DIR/secrets.json`, creating it (mode 0600) on first start, so `npm start` needs no set-up
 * and the key that encrypts tokens at rest survives restarts. A real deployment sets ENCRYPTION_KEY
 * and ADMIN_PASSWORD instead.
 */
export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const path = join(dataDir, 'secrets.json');
  if (existsSync(path)) {
    const parsed = localSecretsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`${path} is damaged; restore it or delete it together with the data directory`);
    return { ...parsed.data, generated: false };
  }
  mkdirSync(dataDir, { recursive: true });
  const secrets = {
    encryptionKey: randomBytes(32).toString('hex'),
    adminPassword: randomBytes(12).toString('base64url'),
  };
  writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return { ...secrets, generated: true };
}
