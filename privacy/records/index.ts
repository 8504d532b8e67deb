export { generatePrivacyRecords, renderPrivacyNotice } from './generate-records';
export type { PrivacyDocument } from './generate-records';
export { gatherRecordFacts, COUNTED_TABLES } from './record-facts';
export type { RecordFacts } from './record-facts';
export { privacyNoticeRoutes } from './notice-routes';
