import { Container } from '@nlpjs/core';
import type { NlpPipelineClass } from '@nlpjs/core';
import type * as LangEnMin from '@nlpjs/lang-en-min';
import type * as LangMs from '@nlpjs/lang-ms';
import type * as LangTa from '@nlpjs/lang-ta';
import { ValidationError } from '../../core/errors';
import { chineseTokenizerClass } from './zh-segmenter';

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

interface LanguageClasses {
  normalizer: NlpPipelineClass;
  tokenizer: NlpPipelineClass;
  stemmer?: NlpPipelineClass;
}

/* eslint-disable @typescript-eslint/no-require-imports */
// Each language's package is required only when a model of that language is first used: node-nlp as a whole
// registers all 40 of its languages (the Chinese dictionary alone is over 10 MB), where a bot needs one to four.
// Chinese takes its normalizer file only, and segments with the dictionary's headwords (zh-segmenter.ts): the
// package's entry also loads a CC-CEDICT translator.
// The zh stemmer of NLP.js 4.27 throws on token arrays, and Chinese words need no stemming, so zh keeps its tokens.
const LOADERS: Record<SupportedLanguage, () => LanguageClasses> = {
  en: () => {
    const { NormalizerEn, TokenizerEn, StemmerEn } = require('@nlpjs/lang-en-min') as typeof LangEnMin;
    return { normalizer: NormalizerEn, tokenizer: TokenizerEn, stemmer: StemmerEn };
  },
  ms: () => {
    const { NormalizerMs, TokenizerMs, StemmerMs } = require('@nlpjs/lang-ms') as typeof LangMs;
    return { normalizer: NormalizerMs, tokenizer: TokenizerMs, stemmer: StemmerMs };
  },
  ta: () => {
    const { NormalizerTa, TokenizerTa, StemmerTa } = require('@nlpjs/lang-ta') as typeof LangTa;
    return { normalizer: NormalizerTa, tokenizer: TokenizerTa, stemmer: StemmerTa };
  },
  zh: () => ({
    normalizer: require('@nlpjs/lang-zh/src/normalizer-zh') as NlpPipelineClass,
    tokenizer: chineseTokenizerClass(),
  }),
};
/* eslint-enable @typescript-eslint/no-require-imports */

const cache = new Map<SupportedLanguage, LanguageTools>();

/** Type guard for {@link SupportedLanguage}. */
export function isSupportedLanguage(lang: string): lang is SupportedLanguage {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(lang);
}

/**
 * NLP.js normaliser, tokeniser and stemmer for a language (the same classes node-nlp's NlpManager registers),
 * built once per process.
 */
export function getLanguageTools(lang: string): LanguageTools {
  if (!isSupportedLanguage(lang)) {
    throw new ValidationError(`Unsupported language "${lang}"; use one of ${SUPPORTED_LANGUAGES.join(', ')}`);
  }
  const cached = cache.get(lang);
  if (cached) return cached;
  const classes = LOADERS[lang]();
  // One container per language: the stemmer finds its tokenizer, and the tokenizer its normalizer, in it.
  const container = new Container();
  container.use(classes.normalizer);
  container.use(classes.tokenizer);
  if (classes.stemmer) container.use(classes.stemmer);
  const normalizer = container.get(`normalizer-${lang}`)!;
  const tokenizer = container.get(`tokenizer-${lang}`)!;
  const stemmer = classes.stemmer ? container.get(`stemmer-${lang}`) : undefined;
  const tools: LanguageTools = {
    normalize: (text) => normalizer.normalize(text),
    // innerTokenize is what tokenize(text, true) runs, without its memo: that memo keeps every distinct
    // text (buyers' raw messages) for an hour, unbounded.
    tokenize: (text) => tokenizer.innerTokenize(tokenizer.normalize(text, true), true).filter((t) => t.trim().length > 0),
    stem: (tokens) => (stemmer ? stemmer.stem(tokens) : tokens),
  };
  cache.set(lang, tools);
  return tools;
}
