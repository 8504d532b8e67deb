export { startJobRunner } from './job-runner';
export type { JobRunner, JobRunnerOptions } from './job-runner';
export { defineJob } from './job-definition';
export type { JobContext, JobDefinition } from './job-definition';
