export { startAdminTestServer, TEST_ADMIN_PASSWORD, TEST_ENCRYPTION_KEY } from './start-admin-test-server';
export type { AdminTestServer } from './start-admin-test-server';
