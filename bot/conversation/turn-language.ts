const LETTER = /\p{L}/gu;
const KNOWN_SCRIPTS = /[\p{Script=Latin}\p{Script=Han}\p{Script=Tamil}]/gu;

/** Detects a supported language of a text with the conversation's language as prior (training's `detectLanguage`). */
export type DetectLanguage = (text: string, prior?: string) => { lang: string; confidence: number };

/**
 * The language of this turn, or `other` when the text is mostly in a script the bot has no language for
 * (Thai, Japanese kana, Arabic...). Everything else goes to the detector.
 */
export function turnLanguage(input: string, prior: string | undefined, detect: DetectLanguage): string {
  // Emails, links and numbers say nothing about the language, and would tip short lines towards English.
  const text = input.replace(/\S+@\S+|https?:\/\/\S+|#?\d[\d\s-]*/g, ' ');
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters >= 2) {
    const known = text.match(KNOWN_SCRIPTS)?.length ?? 0;
    if (known / letters < 0.5) return 'other';
  }
  return detect(text, prior).lang;
}
