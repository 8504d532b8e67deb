import { Language } from '@nlpjs/language';
import { isSupportedLanguage } from './language-tools';
import type { SupportedLanguage } from './language-tools';

/** Result of {@link detectLanguage}. */
export interface LanguageDetection {
  lang: SupportedLanguage;
  /** Confidence in [0, 1]. */
  confidence: number;
  /** How it was decided. */
  method: 'script' | 'guesser' | 'prior';
}

const HAN = /\p{Script=Han}/gu;
const TAMIL = /\p{Script=Tamil}/gu;
const LETTER = /\p{L}/gu;
// NLP.js's trigram guesser has no Malay profile; Indonesian is close enough to stand for it.
const GUESSER_CODES: Record<string, SupportedLanguage> = { eng: 'en', ind: 'ms', zlm: 'ms', zsm: 'ms' };
// Short chat lines are where trigrams fail; these everyday Malay words settle them.
const MALAY_WORDS = new Set(
  'saya aku anda awak kamu tak tidak nak mahu hendak boleh ke di dari ada apa bila bilakah mana manakah berapa bagaimana macam mana kenapa ini itu dengan untuk sudah dah belum lagi pesanan barang penghantaran bayaran harga terima kasih tolong sila encik cik tuan puan selamat pagi petang malam baik batal tukar pulangan wang diskaun akaun kata laluan alamat hantar sampai lambat'.split(' '),
);
const ENGLISH_WORDS = new Set(
  'i my me you your is are the a an to of for and or in on it what where when how can could would please order my thanks thank hello hi bye want need do does not no yes'.split(' '),
);

let guesser: Language | undefined;

function share(text: string, pattern: RegExp, letters: number): number {
  return letters === 0 ? 0 : (text.match(pattern)?.length ?? 0) / letters;
}

/**
 * Detects en, zh, ms or ta. Chinese and Tamil are told by their script; English and Malay by common words,
 * then NLP.js's trigram guesser. When the line is too short to tell, the conversation's language (`prior`) wins.
 */
export function detectLanguage(text: string, prior?: string): LanguageDetection {
  const fallback: SupportedLanguage = prior && isSupportedLanguage(prior) ? prior : 'en';
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return { lang: fallback, confidence: 0, method: 'prior' };
  const han = share(text, HAN, letters);
  const tamil = share(text, TAMIL, letters);
  if (han >= 0.3 || tamil >= 0.3) {
    return han >= tamil ? { lang: 'zh', confidence: Math.min(1, han + 0.3), method: 'script' } : { lang: 'ta', confidence: Math.min(1, tamil + 0.3), method: 'script' };
  }
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const malay = words.filter((w) => MALAY_WORDS.has(w)).length;
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  if (malay !== english) {
    const lang: SupportedLanguage = malay > english ? 'ms' : 'en';
    const margin = Math.abs(malay - english) / Math.max(1, words.length);
    if (margin >= 0.25 || words.length <= 3 || fallback === lang) return { lang, confidence: Math.min(1, 0.5 + margin), method: 'guesser' };
  }
  guesser ??= new Language();
  const [best, second] = guesser.guess(text, ['eng', 'ind'], 2);
  const bestLang = best ? GUESSER_CODES[best.alpha3] : undefined;
  if (!best || !bestLang) return { lang: fallback, confidence: 0, method: 'prior' };
  const gap = best.score - (second?.score ?? 0);
  // Trigram scores of a few words are noisy; keep the conversation's language unless the gap is clear.
  if (bestLang !== fallback && gap < 0.5) return { lang: fallback, confidence: 0.5, method: 'prior' };
  return { lang: bestLang, confidence: Math.min(1, 0.5 + gap / 2), method: 'guesser' };
}
