import type { Logger } from '../../core/logging';
import { errorForLog } from '../../core/logging';

/** One step of shutting down, run in order. */
export interface ShutdownStep {
  name: string;
  run(): Promise<void>;
}

/**
 * Runs the steps once, in order, on SIGTERM or SIGINT, and exits 0 when all finish.
 * If they take longer than `deadlineMs` the process exits 1 so an orchestrator knows it was cut short.
 */
export function onShutdownSignals(options: { logger: Logger; steps: ShutdownStep[]; deadlineMs?: number }): () => Promise<void> {
  let shuttingDown: Promise<void> | undefined;
  const shutdown = () => {
    shuttingDown ??= (async () => {
      const deadline = setTimeout(() => {
        options.logger.error('shutdown took too long; exiting');
        process.exit(1);
      }, options.deadlineMs ?? 9_500);
      deadline.unref();
      for (const step of options.steps) {
        try {
          await step.run();
        } catch (error) {
          options.logger.warn({ step: step.name, err: errorForLog(error) }, 'shutdown step failed');
        }
      }
      options.logger.info('stopped');
    })();
    return shuttingDown;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    options.logger.info({ signal }, 'shutting down');
    void shutdown().then(() => process.exit(0));
  };
  // `on`, not `once`: libraries using signal-exit re-raise a signal when only their own listeners remain,
  // which would kill the process with 143 in the middle of the graceful stop. A second signal is ignored.
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return shutdown;
}
