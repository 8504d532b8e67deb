export { asRawText } from './personal-text';
export type { RawText, RedactedText } from './personal-text';
