import { Counter, Registry } from 'prom-client';

/** One registry for the plugin. A metrics endpoint (later issue) serves it; tests read it directly. */
export const registry = new Registry();

export const droppedEvents = new Counter({
  name: 'dcw_dropped_events_total',
  help: 'Log events that will never reach CloudWatch, by reason',
  labelNames: ['reason'] as const,
  registers: [registry],
});

export const deliveredEvents = new Counter({
  name: 'dcw_delivered_events_total',
  help: 'Log events accepted by CloudWatch',
  registers: [registry],
});

export const deliveredBatches = new Counter({
  name: 'dcw_delivered_batches_total',
  help: 'PutLogEvents calls that succeeded',
  registers: [registry],
});

export const retriedCalls = new Counter({
  name: 'dcw_retried_calls_total',
  help: 'CloudWatch calls retried, by error class',
  labelNames: ['class'] as const,
  registers: [registry],
});
