import { z } from 'zod';
import type { JobDefinition } from './runner';
import { defineJob } from './runner';

/** Writes a heartbeat; proves the runner works end to end and shows up in /metrics. */
export const heartbeatJob = defineJob({
  name: 'system.heartbeat',
  schema: z.object({}).strict(),
  async handle(_data, { logger }) {
    logger.debug('heartbeat');
  },
});

/** Every job this build knows, in one list the composition roots hand to the runner. */
export function allJobDefinitions(): JobDefinition<any>[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  return [heartbeatJob];
}
