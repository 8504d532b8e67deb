import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The process's Prometheus registry and the metrics every part shares. */
export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  jobsTotal: Counter<'job' | 'outcome'>;
}

/** Creates a fresh registry (one per process; tests make their own). */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'storedesk_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const jobsTotal = new Counter({
    name: 'storedesk_jobs_total',
    help: 'Background jobs finished, by outcome (success, failure, retry)',
    labelNames: ['job', 'outcome'] as const,
    registers: [registry],
  });
  return { registry, httpDuration, jobsTotal };
}
