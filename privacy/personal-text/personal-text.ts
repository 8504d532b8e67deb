declare const rawBrand: unique symbol;
declare const redactedBrand: unique symbol;

/** Text that may hold personal data (chat turns, notes). Never store it in training data. */
export type RawText = string & { readonly [rawBrand]: 'RawText' };

/**
 * Text whose personal data was replaced by placeholders. Only `redact` makes one, so a training
 * store that accepts `RedactedText` cannot be handed raw chat by mistake.
 */
export type RedactedText = string & { readonly [redactedBrand]: 'RedactedText' };

/** Marks a string as raw personal text. */
export function asRawText(text: string): RawText {
  return text as RawText;
}
