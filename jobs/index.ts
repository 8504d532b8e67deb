export { startJobRunner, defineJob } from './runner';
export type { JobRunner, JobRunnerOptions, JobContext, JobDefinition } from './runner';
export { allJobDefinitions } from './all-job-definitions';
export { shopifyJobs } from './shopify-jobs';
export type { ShopifyJobDeps } from './shopify-jobs';
