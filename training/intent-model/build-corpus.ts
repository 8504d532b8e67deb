import type { CorpusItem } from '@nlpjs/neural';
import { featurize } from './featurize';
import type { FeatureOptions } from './featurize';
import type { LanguageTools } from './language-tools';
import type { IntentExample } from './types';

/**
 * Featurises examples into an NLP.js corpus, dropping features seen in fewer than `minCount` examples:
 * they cannot generalise, and they would make the stored model larger.
 */
export function buildCorpus(examples: readonly IntentExample[], tools: LanguageTools, options: FeatureOptions, minCount: number): CorpusItem[] {
  const vectors = examples.map((e) => featurize(e.text, tools, options));
  const counts = new Map<string, number>();
  for (const vector of vectors) for (const name of vector.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  return vectors.map((vector, i) => {
    const input: Record<string, number> = {};
    for (const [name, value] of vector) if ((counts.get(name) ?? 0) >= minCount) input[name] = value;
    return { input, output: { [(examples[i] as IntentExample).intent]: 1 } };
  });
}
