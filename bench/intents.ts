// npm run bench:intents [-- --data ../shared/data/intents --only banking77,clinc150]
// Trains the production intent pipeline on each public data set and prints a Markdown table.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogTrainingExamples, evaluateClassifier, loadDefaultCatalog, parseIntentJsonl, stratifiedSplit, trainIntentModel } from '../training';
import type { LabelledText } from '../training';

const { values } = parseArgs({ options: { data: { type: 'string', default: '../shared/data/intents' }, only: { type: 'string' }, seed: { type: 'string', default: '42' } } });
const root = resolve(values.data as string);
const seed = Number(values.seed);
const read = (file: string): LabelledText[] => parseIntentJsonl(readFileSync(join(root, file), 'utf8'), file);

interface Task {
  name: string;
  split: string;
  published: string;
  load: () => { train: LabelledText[]; test: LabelledText[] };
}

const tasks: Task[] = [
  {
    name: 'banking77',
    split: 'train.jsonl, stratified 80/20 split (seed 42)',
    published: 'NLP.js ~85% [a]; BERT 93.7% [b]',
    load: () => {
      const split = stratifiedSplit(read('banking77/train.jsonl'), { holdOutFraction: 0.2, seed: 42 });
      return { train: split.train, test: split.holdOut };
    },
  },
  { name: 'clinc150', split: 'train -> val (blend and threshold on 10% of train per intent + half its OOS lines)', published: 'NLP.js 88.0% / 14.5% [a]; BERT 96.2% / 52.3% [c]', load: () => ({ train: read('clinc150/train.jsonl'), test: read('clinc150/val.jsonl') }) },
  { name: 'bitext', split: 'train -> test', published: 'n/a', load: () => ({ train: read('bitext/train.jsonl'), test: read('bitext/test.jsonl') }) },
  ...['ChatbotCorpus', 'AskUbuntuCorpus', 'WebApplicationsCorpus'].map((corpus, i) => ({
    name: `braun2017 ${corpus.replace('Corpus', '')}`,
    split: 'train -> test',
    published: ['NLP.js 0.99, Rasa 0.98 (F1) [d]', 'NLP.js 0.93, Rasa 0.86 (F1) [d]', 'NLP.js 0.83, Rasa 0.74 (F1) [d]'][i] as string,
    load: () => ({ train: read(`braun2017/${corpus}.train.jsonl`), test: read(`braun2017/${corpus}.test.jsonl`) }),
  })),
];

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);

async function main(): Promise<void> {
  if (!existsSync(root)) throw new Error(`data folder not found: ${root} (pass --data)`);
  const only = values.only ? new Set((values.only as string).split(',')) : undefined;
  const rows: string[] = [];
  for (const task of tasks) {
    if (only && !only.has(task.name.split(' ')[0] as string)) continue;
    const { train, test } = task.load();
    const started = process.hrtime.bigint();
    const model = await trainIntentModel(train, { lang: 'en', seed });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const bytes = Buffer.byteLength(JSON.stringify(model.toJSON()));
    const { metrics, latencyMs } = await evaluateClassifier(model, test);
    // How often the best candidate is right on in-scope lines, before the threshold turns some into None.
    const inScope = test.filter((e) => e.intent !== 'None');
    const tops = await Promise.all(inScope.map((e) => model.classify(e.text)));
    const top1 = inScope.filter((e, i) => tops[i]?.top[0]?.intent === e.intent).length / Math.max(1, inScope.length);
    rows.push(
      `| ${task.name} | ${task.split} | ${train.length}/${test.length} | ${pct(metrics.accuracy)} | ${pct(metrics.inScopeAccuracy)} | ${pct(metrics.outOfScopeRecall)} | ${pct(top1)} | ${model.threshold.toFixed(3)} | ${metrics.macroF1.toFixed(3)} | ${seconds.toFixed(1)} | ${(bytes / 1e6).toFixed(2)} MB | ${latencyMs.p50.toFixed(3)} / ${latencyMs.p99.toFixed(3)} | ${task.published} |`,
    );
    process.stderr.write(`${task.name} done in ${seconds.toFixed(1)} s\n`);
  }
  if (!only || only.has('default-catalog')) {
    const catalog = loadDefaultCatalog();
    for (const lang of catalog.languages) {
      const started = process.hrtime.bigint();
      const model = await trainIntentModel(catalogTrainingExamples(catalog, lang), { lang, seed });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      rows.push(`| default catalog (${lang}) | training only | ${catalogTrainingExamples(catalog, lang).length}/– | – | – | – | – | – | – | ${seconds.toFixed(1)} | ${(Buffer.byteLength(JSON.stringify(model.toJSON())) / 1e6).toFixed(2)} MB | – | – |`);
    }
  }
  console.log('| data set | split | train/test | accuracy | in-scope acc | OOS recall | in-scope top-1 | threshold | macro-F1 | train s | model | p50 / p99 ms | published |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; node ${process.version}; ${new Date().toISOString().slice(0, 10)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:intents: ${(error as Error).message}\n`);
  process.exit(1);
});
