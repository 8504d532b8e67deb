import type { BackoffStrategy } from 'agenda';
import type { ZodType } from 'zod';
import type { Logger } from '../../core/logging';

/** What a job handler gets besides its data. */
export interface JobContext {
  logger: Logger;
  /** Reports progress (0..1) on long work; shown by the CLI and the admin. */
  progress(fraction: number): Promise<void>;
  /** The attempt number, 1 for the first run. */
  attempt: number;
  /** Enqueues a follow-up job (a webhook's job routes its event to risk or audience this way). */
  enqueue<T>(name: string, data: T): Promise<string>;
  /** Schedules a follow-up job for later (`when` as a Date or Agenda's words, e.g. 'in 48 hours'). */
  schedule<T>(when: Date | string, name: string, data: T): Promise<string>;
}

/**
 * A namespaced background job (`training.retrain`, `shopify.sync-orders`).
 * Handlers are thin: parse data with `schema`, call a use-case in a capability.
 */
export interface JobDefinition<DATA = unknown> {
  name: string;
  schema: ZodType<DATA>;
  handle(data: DATA, context: JobContext): Promise<void>;
  /** Retry policy; the runner's default is exponential backoff, 5 tries. */
  backoff?: BackoffStrategy;
  concurrency?: number;
  /** How long a run may hold its lock before another worker takes the job over. */
  lockLifetimeMs?: number;
}

/** Defines a job with its data type inferred from the schema. */
export function defineJob<DATA>(definition: JobDefinition<DATA>): JobDefinition<DATA> {
  return definition;
}
