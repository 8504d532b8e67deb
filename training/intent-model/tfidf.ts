/** A sparse vector: parallel feature indices and values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** A fitted TF-IDF vocabulary: term to column, and each column's inverse document frequency. */
export interface TfidfVocabulary {
  terms: string[];
  idf: Float32Array;
}

/**
 * Fits the vocabulary on training documents (lists of terms), keeping terms seen in at least `minDf` documents.
 * Smoothed idf as in scikit-learn: ln((1 + n) / (1 + df)) + 1.
 */
export function fitTfidf(documents: readonly string[][], minDf: number): TfidfVocabulary {
  const df = new Map<string, number>();
  for (const terms of documents) for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
  const terms = [...df.keys()].filter((t) => (df.get(t) as number) >= minDf).sort();
  const n = documents.length;
  const idf = Float32Array.from(terms, (t) => Math.log((1 + n) / (1 + (df.get(t) as number))) + 1);
  return { terms, idf };
}

/** Index of a vocabulary's terms, built once per model. */
export type TermIndex = Map<string, number>;

/** Builds the term-to-column index of a vocabulary. */
export function indexTerms(vocabulary: TfidfVocabulary): TermIndex {
  return new Map(vocabulary.terms.map((t, i) => [t, i]));
}

/** Sublinear (1 + ln tf) TF-IDF of one document, L2-normalised; unknown terms are ignored. */
export function tfidfVector(terms: readonly string[], index: TermIndex, idf: Float32Array): SparseVector {
  const counts = new Map<number, number>();
  for (const term of terms) {
    const column = index.get(term);
    if (column !== undefined) counts.set(column, (counts.get(column) ?? 0) + 1);
  }
  const indices = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const values = new Float32Array(indices.length);
  let norm = 0;
  indices.forEach((column, i) => {
    const value = (1 + Math.log(counts.get(column) as number)) * (idf[column] as number);
    values[i] = value;
    norm += value * value;
  });
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < values.length; i += 1) values[i] = (values[i] as number) * scale;
  }
  return { indices, values };
}
