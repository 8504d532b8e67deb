import { NlpManager } from 'node-nlp';
import { ValidationError } from '../../core/errors';

/** Languages the intent pipeline supports, as ISO 639-1 codes. */
export const SUPPORTED_LANGUAGES = ['en', 'zh', 'ms', 'ta'] as const;
/** One of {@link SUPPORTED_LANGUAGES}. */
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** The NLP.js text tools of one language. */
export interface LanguageTools {
  normalize(text: string): string;
  tokenize(text: string): string[];
  stem(tokens: string[]): string[];
}

const cache = new Map<SupportedLanguage, LanguageTools>();

/** Type guard for {@link SupportedLanguage}. */
export function isSupportedLanguage(lang: string): lang is SupportedLanguage {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(lang);
}

/**
 * NLP.js normaliser, tokeniser and stemmer for a language, built once per process.
 * The zh stemmer of node-nlp 4.27 throws on token arrays, and Chinese words need no stemming, so zh keeps its tokens.
 */
export function getLanguageTools(lang: string): LanguageTools {
  if (!isSupportedLanguage(lang)) {
    throw new ValidationError(`Unsupported language "${lang}"; use one of ${SUPPORTED_LANGUAGES.join(', ')}`);
  }
  const cached = cache.get(lang);
  if (cached) return cached;
  const { container } = new NlpManager({ languages: [lang], forceNER: false, autoSave: false, nlu: { log: false } });
  const normalizer = container.get(`normalizer-${lang}`);
  const tokenizer = container.get(`tokenizer-${lang}`);
  const stemmer = lang === 'zh' ? undefined : container.get(`stemmer-${lang}`);
  const tools: LanguageTools = {
    normalize: (text) => (normalizer?.normalize ? normalizer.normalize(text) : text.toLowerCase()),
    tokenize: (text) => (tokenizer?.tokenize ? tokenizer.tokenize(text, true) : text.split(/\s+/)).filter((t) => t.trim().length > 0),
    stem: (tokens) => (stemmer?.stem ? stemmer.stem(tokens) : tokens),
  };
  cache.set(lang, tools);
  return tools;
}
