export { startFakeGraphApi } from './start-fake-graph-api';
export type { FakeGraphApi, GraphCall } from './start-fake-graph-api';
