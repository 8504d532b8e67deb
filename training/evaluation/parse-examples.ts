import { ValidationError } from '../../core/errors';

/** A labelled line of a `.jsonl` intent file. */
export interface LabelledText {
  text: string;
  intent: string;
}

/**
 * Parses `{"text","intent"}` lines; blank lines are skipped. Throws a {@link ValidationError} naming the
 * source and line number of the first bad line, without echoing its content (it may hold personal data).
 */
export function parseIntentJsonl(content: string, source: string): LabelledText[] {
  const examples: LabelledText[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${source}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ValidationError(`${where}: not valid JSON`, { details: { source, line: index + 1 } });
    }
    const record = value as Partial<LabelledText> | null;
    if (!record || typeof record !== 'object' || typeof record.text !== 'string' || typeof record.intent !== 'string') {
      throw new ValidationError(`${where}: expected an object with string "text" and "intent"`, { details: { source, line: index + 1 } });
    }
    if (record.intent.trim() === '') {
      throw new ValidationError(`${where}: "intent" is empty`, { details: { source, line: index + 1 } });
    }
    examples.push({ text: record.text, intent: record.intent });
  });
  return examples;
}
