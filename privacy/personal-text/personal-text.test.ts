import { redact } from '../redaction';
import { asRawText } from './personal-text';
import type { RedactedText } from './personal-text';

// A training store would accept only RedactedText; the compiler rejects raw text (see the ts-expect-error).
function storeForTraining(text: RedactedText): string {
  return text;
}

describe('personal text types', () => {
  it('lets redacted text reach the training store and keeps the raw value unchanged at run time', () => {
    const raw = asRawText('my email is a@b.co');
    expect(raw).toBe('my email is a@b.co');
    expect(storeForTraining(redact(raw).text)).toBe('my email is <EMAIL>');
    // @ts-expect-error raw text must not reach the training store
    storeForTraining(raw);
  });
});
