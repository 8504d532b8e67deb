import type { LanguageTools } from './language-tools';

const ASTRAL = /[\uD800-\uDFFF]/;

/** Which terms the linear model counts; stored with the model so serving extracts exactly as training did. */
export interface TermOptions {
  /** Word n-gram sizes over stems (1 = stems, 2 = stem bigrams). */
  wordNgrams: number[];
  /** Smallest and largest character n-gram, taken inside each space-padded token (word boundaries kept). */
  charRange: [number, number];
}

/** Term sizes per language: Chinese words are one to three characters, so short n-grams carry the signal. */
export function defaultTermOptions(lang: string): TermOptions {
  return lang === 'zh' ? { wordNgrams: [1, 2], charRange: [1, 3] } : { wordNgrams: [1, 2], charRange: [2, 5] };
}

/**
 * Lists the terms of a text, with repeats: stem n-grams (`w:`) and character n-grams with word boundaries (`c:`),
 * as a TF-IDF model counts them. Character n-grams absorb misspellings and inflections the stemmer misses.
 */
export function extractTerms(text: string, tools: LanguageTools, options: TermOptions): string[] {
  const tokens = tools.tokenize(tools.normalize(text));
  const stems = tools.stem(tokens);
  const terms: string[] = [];
  for (const n of options.wordNgrams) {
    for (let i = 0; i + n <= stems.length; i += 1) terms.push(`w:${stems.slice(i, i + n).join('_')}`);
  }
  const [low, high] = options.charRange;
  for (const token of tokens) {
    const padded = ` ${token} `;
    // Slicing by code unit is several times faster; only astral characters need the code-point array.
    const chars: string | string[] = ASTRAL.test(padded) ? Array.from(padded) : padded;
    for (let n = low; n <= high; n += 1) {
      for (let i = 0; i + n <= chars.length; i += 1) {
        const gram = typeof chars === 'string' ? chars.slice(i, i + n) : chars.slice(i, i + n).join('');
        if (gram.trim().length > 0) terms.push(`c:${gram}`);
      }
    }
  }
  return terms;
}
