export { createTestRiskService, mirrorCustomer, mirrorOrder, testShop, TEST_RISK_KEY } from './risk-fixtures';
export type { MirrorBuyer } from './risk-fixtures';
