/**
 * Risk engine benchmark: per-order scoring latency, throughput, backtest time for ~100k events
 * (read from JSON Lines, replayed, written), and ranking quality on a labelled generated stream.
 * Run with `npm run bench:risk` (optional: `-- --seed 7`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  createIdentifierHasher,
  createRiskEngine,
  DEFAULT_RULES,
  InMemoryIdentityGraphStore,
  InMemoryOrderHistoryStore,
  readEventsFile,
  runBacktest,
  scoreFeatures,
  sortEvents,
  trainRiskModel,
} from '../risk';
import type { Features, LabelledExample } from '../risk';
import { generateEvents, precisionAtFpr, rocAuc } from '../risk/testing';

const seedFlag = process.argv.indexOf('--seed');
const seed = seedFlag > 0 ? Number(process.argv[seedFlag + 1]) : 2026;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

async function main(): Promise<void> {
  const stream = generateEvents({ seed });
  const history = generateEvents({ seed: seed + 1 });
  const orders = stream.events.filter((event) => event.type === 'order').length;
  const frauds = [...stream.labels.values()].filter(Boolean).length;
  console.log(
    `stream: seed ${seed}, ${stream.events.length} events, ${orders} orders, ${frauds} fraudulent (${((100 * frauds) / orders).toFixed(1)}%)`,
  );

  // 1. latency: each order scored (and recorded) against a store holding everything before it
  const engine = createRiskEngine({
    graph: new InMemoryIdentityGraphStore(),
    history: new InMemoryOrderHistoryStore(),
    hasher: createIdentifierHasher(randomBytes(32)),
  });
  const latencies: number[] = [];
  const features = new Map<string, Features>();
  const wallStart = performance.now();
  for (const event of sortEvents(stream.events)) {
    if (event.type === 'account') {
      await engine.record(event);
      continue;
    }
    const start = performance.now();
    const assessment = await engine.score(event);
    latencies.push(performance.now() - start);
    features.set(event.order, assessment.features);
    await engine.record(event);
  }
  const wall = performance.now() - wallStart;
  latencies.sort((a, b) => a - b);
  console.log(
    `scoring latency per order: p50 ${percentile(latencies, 50).toFixed(3)} ms, p99 ${percentile(latencies, 99).toFixed(3)} ms, max ${latencies.at(-1)?.toFixed(1)} ms`,
  );
  console.log(`throughput (score + record, all events): ${Math.round(orders / (wall / 1000))} orders/s`);

  // 2. the CLI path: read JSON Lines, validate, sort, replay, serialise
  const dir = await mkdtemp(join(tmpdir(), 'risk-bench-'));
  try {
    const file = join(dir, 'events.jsonl');
    await writeFile(
      file,
      stream.events
        .map((event) => JSON.stringify({ ...event, at: new Date(event.at).toISOString() }))
        .join('\n'),
    );
    const cpu = process.cpuUsage();
    const start = performance.now();
    const read = await readEventsFile(file);
    const scored = await runBacktest(read.events);
    await writeFile(join(dir, 'scores.jsonl'), scored.map((entry) => JSON.stringify(entry)).join('\n'));
    console.log(
      `backtest of ${read.events.length} events (read, replay, write): ${((performance.now() - start) / 1000).toFixed(1)} s wall, ${(cpuMs(cpu) / 1000).toFixed(1)} s CPU`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // 3. quality: rules alone, then blended with a model trained on another shop-history stream
  const evaluate = (name: string, score: (f: Features) => number): number => {
    const items = [...features].map(([order, f]) => ({
      score: score(f),
      fraud: stream.labels.get(order) === true,
    }));
    const at1 = precisionAtFpr(items, 0.01);
    console.log(
      `${name}: ROC AUC ${rocAuc(items).toFixed(4)}, at 1% FPR precision ${at1.precision.toFixed(3)} recall ${at1.recall.toFixed(3)}`,
    );
    return at1.threshold;
  };
  const threshold = evaluate('rules only', (f) => scoreFeatures(f, DEFAULT_RULES).score);
  const examples: LabelledExample[] = [];
  await runBacktest(history.events, {
    onFeatures: (order, f) => examples.push({ features: f, fraud: history.labels.get(order) === true }),
  });
  const trained = trainRiskModel(examples);
  if (trained.trained)
    evaluate(
      `rules + learned model (${examples.length} labels from another seed)`,
      (f) => scoreFeatures(f, DEFAULT_RULES, trained.model).score,
    );

  const perActor = new Map<string, { orders: number; flagged: number; decided: Record<string, number> }>();
  for (const [order, f] of features) {
    const actor = stream.actors.get(order) ?? 'unknown';
    const row = perActor.get(actor) ?? { orders: 0, flagged: 0, decided: { allow: 0, review: 0, deny: 0 } };
    const verdict = scoreFeatures(f, DEFAULT_RULES);
    row.orders += 1;
    if (verdict.score > threshold) row.flagged += 1;
    row.decided[verdict.decision] = (row.decided[verdict.decision] ?? 0) + 1;
    perActor.set(actor, row);
  }
  console.log('per actor (rules only): orders, flagged at 1% FPR, default decisions allow/review/deny');
  for (const [actor, row] of [...perActor].sort()) {
    console.log(
      `  ${actor.padEnd(16)} ${String(row.orders).padStart(6)}  ${String(row.flagged).padStart(6)}  ${row.decided.allow}/${row.decided.review}/${row.decided.deny}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
