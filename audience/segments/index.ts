export { parseSegmentQuery, formatSegmentExpr, TAG_ALIASES, MAX_QUERY_LENGTH, MAX_CONDITIONS } from './parse-segment-query';
export type { SegmentExpr, ParsedSegmentQuery } from './parse-segment-query';
export { compileSegmentExpr, wideningsOf } from './compile-segment-query';
export { gateDistribution, gateCount, OTHER_BUCKET } from './k-gate';
export type { GatedDistribution, SafeBucket } from './k-gate';
export { countSegment, measureSegment, segmentMakeup } from './measure-segment';
export type { SegmentSize, SegmentMakeup, Widening } from './measure-segment';
export { saveSegment, listSegments, getSegment, recordSegmentSizes, lastSizes } from './segment-store';
export type { SavedSegment } from './segment-store';
