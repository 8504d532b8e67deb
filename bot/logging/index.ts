export { TurnLog } from './turn-log';
export type { TranscriptLine, TurnRecord } from './turn-log';
export { readTranscript } from './read-transcript';
export type { TranscriptEntry } from './read-transcript';
