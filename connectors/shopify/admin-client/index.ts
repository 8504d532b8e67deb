export { createAdminGraphqlClient, ShopifyApiError } from './admin-graphql-client';
export type { AdminGraphqlClient, AdminClientOptions } from './admin-graphql-client';
export { CostBucket } from './cost-bucket';
export type { ThrottleStatus } from './cost-bucket';
