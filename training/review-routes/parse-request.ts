import type { Request } from 'restify';
import type { ZodType } from 'zod';
import { ValidationError } from '../../core/errors';

/** The query string as a plain object. */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
}

/** Parses input with a schema; a failure is a 400 listing every problem by path. */
export function parseInput<T>(schema: ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
  throw new ValidationError(`Invalid ${what}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, { details: { problems } });
}
