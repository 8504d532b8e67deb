export { TurnLog } from './turn-log';
export type { TranscriptLine } from './turn-log';
export { readTranscript } from './read-transcript';
export type { TranscriptEntry } from './read-transcript';
export { GroupWriter } from './group-writer';
