import type { LanguageTools } from './language-tools';

const ASTRAL = /[\uD800-\uDFFF]/;

/** Which features the model sees; stored with the model so serving featurises exactly as training did. */
export interface FeatureOptions {
  /** Word bigrams over stems. */
  bigrams: boolean;
  /** Character n-gram sizes, taken inside each space-padded token. */
  charNgrams: number[];
}

/** Feature sizes per language: Chinese words are one to three characters, so short n-grams carry the signal. */
export function defaultFeatureOptions(lang: string): FeatureOptions {
  return lang === 'zh' ? { bigrams: true, charNgrams: [1, 2, 3] } : { bigrams: true, charNgrams: [3, 4] };
}

/** Sparse feature vector: feature name to value. */
export type FeatureVector = Map<string, number>;

function addGroup(vector: FeatureVector, names: string[]): void {
  if (names.length === 0) return;
  // Each group is scaled by 1/sqrt(n) so long texts and many n-grams do not swamp the stems.
  const value = 1 / Math.sqrt(names.length);
  for (const name of names) vector.set(name, value);
}

/**
 * Turns a text into NLP.js-style features: stems (as NLP.js does), plus stem bigrams and character n-grams,
 * which catch word order ("card arrive" vs "arrive card" matters less than "top up") and misspellings.
 */
export function featurize(text: string, tools: LanguageTools, options: FeatureOptions): FeatureVector {
  const tokens = tools.tokenize(tools.normalize(text));
  const stems = tools.stem(tokens);
  const vector: FeatureVector = new Map();
  addGroup(vector, stems.map((s) => `w:${s}`));
  if (options.bigrams) {
    const bigrams: string[] = [];
    for (let i = 0; i + 1 < stems.length; i += 1) bigrams.push(`b:${stems[i]}_${stems[i + 1]}`);
    addGroup(vector, bigrams);
  }
  if (options.charNgrams.length > 0) {
    const grams: string[] = [];
    for (const token of tokens) {
      const padded = ` ${token} `;
      // Slicing by code unit is several times faster; only astral characters need the code-point array.
      const chars: string | string[] = ASTRAL.test(padded) ? Array.from(padded) : padded;
      for (const n of options.charNgrams) {
        for (let i = 0; i + n <= chars.length; i += 1) {
          const gram = typeof chars === 'string' ? chars.slice(i, i + n) : chars.slice(i, i + n).join('');
          if (gram.trim().length > 0) grams.push(`c:${gram}`);
        }
      }
    }
    addGroup(vector, grams);
  }
  return vector;
}
