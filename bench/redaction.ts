/*
 * Redaction benchmark: npm run bench:redaction -- --data ../shared/data/pii/presidio_generated_large.jsonl
 *
 * Upstream labels map to ours as below. Direct identifiers are scored for precision and recall
 * (a found span counts when it overlaps a true span of the same kind). Upstream labels that are
 * not direct identifiers (LOCATION/GPE, DATE_TIME, ORGANIZATION, TITLE, PREFIX, DOMAIN_NAME,
 * US_DRIVER_LICENSE, NRP, ...) are "neutral": their characters are left out of the over-redaction
 * share (redacting "Gabon" inside an address block is neither a hit nor harm) and reported apart,
 * and a found span that overlaps only neutral text counts as a false positive.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Command } from 'commander';
import { DIRECT_IDENTIFIER_LABELS, findPii, redact } from '../privacy';
import type { PiiLabel, PiiSpan } from '../privacy';

const UPSTREAM: Record<string, PiiLabel> = {
  PERSON: 'PERSON',
  PER: 'PERSON',
  STREET_ADDRESS: 'ADDRESS',
  ADDRESS: 'ADDRESS',
  CREDIT_CARD: 'CARD',
  PHONE_NUMBER: 'PHONE',
  EMAIL_ADDRESS: 'EMAIL',
  IP_ADDRESS: 'IP',
  US_SSN: 'NRIC',
  SG_NRIC_FIN: 'NRIC',
  NRIC: 'NRIC',
  IBAN_CODE: 'IBAN',
};

interface Row {
  text: string;
  spans: Array<{ start: number; end: number; label: string }>;
}

const program = new Command()
  .option(
    '--data <file>',
    'JSONL with text and labelled spans',
    '../shared/data/pii/presidio_generated_large.jsonl',
  )
  .option(
    '--show-errors <n>',
    'print up to n misses and false positives per label (synthetic data only)',
    '0',
  )
  .option('--min-seconds <s>', 'time the throughput run for at least this long', '2')
  .parse();
const opts = program.opts<{ data: string; showErrors: string; minSeconds: string }>();

const rows: Row[] = readFileSync(opts.data, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);

const direct = new Set<PiiLabel>(DIRECT_IDENTIFIER_LABELS);
const stats = new Map<PiiLabel, { tp: number; fp: number; found: number; missed: number }>();
for (const label of DIRECT_IDENTIFIER_LABELS) stats.set(label, { tp: 0, fp: 0, found: 0, missed: 0 });
let plainChars = 0;
let plainRedacted = 0;
let neutralChars = 0;
let neutralRedacted = 0;
const limit = Number(opts.showErrors);
const errors: string[] = [];
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

for (const row of rows) {
  const predicted = findPii(row.text);
  const truth = row.spans.map((s) => ({ ...s, ours: UPSTREAM[s.label] }));
  for (const t of truth) {
    if (!t.ours) continue;
    const st = stats.get(t.ours)!;
    const hit = predicted.some((p) => p.label === t.ours && overlaps(p, t));
    if (hit) st.found++;
    else {
      st.missed++;
      if (errors.filter((e) => e.startsWith(`MISS ${t.ours}`)).length < limit)
        errors.push(
          `MISS ${t.ours} ${JSON.stringify(row.text.slice(t.start, t.end))} in ${JSON.stringify(row.text)}`,
        );
    }
  }
  for (const p of predicted as PiiSpan[]) {
    if (!direct.has(p.label)) continue;
    const st = stats.get(p.label)!;
    if (truth.some((t) => t.ours === p.label && overlaps(p, t))) st.tp++;
    else {
      st.fp++;
      if (errors.filter((e) => e.startsWith(`FP ${p.label}`)).length < limit)
        errors.push(
          `FP ${p.label} ${JSON.stringify(row.text.slice(p.start, p.end))} in ${JSON.stringify(row.text)}`,
        );
    }
  }
  const kind = new Uint8Array(row.text.length); // 0 plain, 1 direct, 2 neutral
  for (const t of truth)
    for (let i = t.start; i < t.end; i++)
      kind[i] = t.ours ? 1 : Math.max(kind[i] ?? 0, 2) === 2 && kind[i] !== 1 ? 2 : 1;
  const redacted = new Uint8Array(row.text.length);
  for (const p of predicted) redacted.fill(1, p.start, p.end);
  for (let i = 0; i < row.text.length; i++) {
    if (/\s/.test(row.text[i]!)) continue;
    if (kind[i] === 0) {
      plainChars++;
      plainRedacted += redacted[i]!;
    } else if (kind[i] === 2) {
      neutralChars++;
      neutralRedacted += redacted[i]!;
    }
  }
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : '  -  ');
console.log(`data: ${opts.data} (${rows.length} texts)`);
console.log('label      precision  recall   true  found  false+');
let tp = 0,
  fp = 0,
  found = 0,
  missed = 0;
for (const [label, s] of stats) {
  tp += s.tp;
  fp += s.fp;
  found += s.found;
  missed += s.missed;
  console.log(
    `${label.padEnd(10)} ${fmt(s.tp / (s.tp + s.fp)).padStart(9)}  ${fmt(s.found / (s.found + s.missed)).padStart(6)}  ${String(s.found + s.missed).padStart(5)}  ${String(s.found).padStart(5)}  ${String(s.fp).padStart(6)}`,
  );
}
console.log(
  `${'DIRECT'.padEnd(10)} ${fmt(tp / (tp + fp)).padStart(9)}  ${fmt(found / (found + missed)).padStart(6)}  ${String(found + missed).padStart(5)}  ${String(found).padStart(5)}  ${String(fp).padStart(6)}`,
);
console.log(
  `over-redaction: ${((100 * plainRedacted) / plainChars).toFixed(2)}% of ${plainChars} non-PII characters (whitespace excluded)`,
);
console.log(
  `neutral labels (location, date, organisation...) redacted: ${((100 * neutralRedacted) / Math.max(1, neutralChars)).toFixed(1)}% of ${neutralChars} characters (not counted above)`,
);

// Throughput is timed on `redact` (spans and the redacted text), the call the product makes.
// Repeated passes meet only words already in the word memo, so two passes over texts not seen
// before are reported too: the very first (memo empty, code not yet optimised) and one over the
// odd-numbered texts after warming up on the even-numbered ones, as a long stream of new chat is.
const bytesOf = (list: Row[]) => list.reduce((n, r) => n + Buffer.byteLength(r.text), 0);
const bytes = bytesOf(rows);
const cpuMbps = (list: Row[]) => {
  const start = process.cpuUsage();
  for (const row of list) redact(row.text);
  const used = process.cpuUsage(start);
  return (bytesOf(list) / ((used.user + used.system) / 1e6) / 1e6).toFixed(2);
};
redact('warm up'); // loads the gazetteer, which the first pass is not charged for
const even = rows.filter((_, i) => i % 2 === 0);
const odd = rows.filter((_, i) => i % 2 === 1);
const firstPass = cpuMbps(even);
for (let warm = 0; warm < 3; warm++) for (const row of even) redact(row.text);
const unseen = cpuMbps(odd);
for (let warm = 0; warm < 2; warm++) for (const row of rows) redact(row.text);
const passTimes: number[] = [];
const cpuStart = process.cpuUsage();
const started = process.hrtime.bigint();
while (Number(process.hrtime.bigint() - started) / 1e9 < Number(opts.minSeconds) || passTimes.length < 3) {
  const t0 = process.hrtime.bigint();
  for (const row of rows) redact(row.text);
  passTimes.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
passTimes.sort((a, b) => a - b);
const median = passTimes[Math.floor(passTimes.length / 2)]!;
const mbps = (seconds: number) => (bytes / seconds / 1e6).toFixed(2);
// CPU time is this process's (main thread plus GC and compiler threads); wall time also holds
// the time other processes had the core, so on a shared machine it is the lower figure.
console.log(
  `throughput of redact on one core: ${mbps(cpuSeconds / passTimes.length)} MB/s by CPU time, ${mbps(median)} MB/s median wall, ${mbps(passTimes[0]!)} MB/s best pass ` +
    `(${passTimes.length} passes over ${(bytes / 1e6).toFixed(2)} MB; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
);
// On a small set the first-time passes last a few milliseconds and mostly time the compiler.
console.log(
  rows.length >= 1000
    ? `texts not seen before: ${unseen} MB/s by CPU time after warming up on other texts, ${firstPass} MB/s on the very first pass (empty word memo, code not yet optimised)`
    : 'texts not seen before: not measured (fewer than 1,000 texts)',
);
for (const e of errors) console.log(e);
