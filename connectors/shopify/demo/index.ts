export { startDemoShopify, DEMO_SEED } from './start-demo-shopify';
export type { DemoShopify } from './start-demo-shopify';
