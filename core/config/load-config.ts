import { config as readDotenv } from 'dotenv';
import { ConfigError } from '../errors';
import { configSchema, type Config } from './schema';

/** Options for {@link loadConfig}. */
export interface LoadConfigOptions {
  /** The environment to read; the composition root passes `process.env`. */
  env: Record<string, string | undefined>;
  /** A `.env` file to merge under `env` (values already in `env` win). */
  dotenvPath?: string;
}

/**
 * Parses the configuration once. Throws a {@link ConfigError} that lists every problem at once.
 */
export function loadConfig(options: LoadConfigOptions): Config {
  const fromFile: Record<string, string> = {};
  if (options.dotenvPath) {
    readDotenv({ path: options.dotenvPath, processEnv: fromFile, quiet: true });
  }
  const result = configSchema.safeParse({ ...fromFile, ...options.env });
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}
