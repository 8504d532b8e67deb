import { config as readDotenv } from 'dotenv';
import { ConfigError } from '../errors';
import { configSchema, crossFieldProblems, type Config } from './schema';

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
  const env = { ...fromFile, ...options.env };
  const result = configSchema.safeParse(env);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)),
    ...crossFieldProblems(env),
  ];
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}
