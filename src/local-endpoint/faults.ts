/**
 * Fault injection for tests. Every fault is bounded, by a count of firings, by a time window, or both (whichever ends
 * first); a fault given neither fires once. Faults can be cleared one by one or all at once. Timing uses a real
 * monotonic clock, never LocalEndpointOptions.now, so a frozen CloudWatch clock does not freeze a fault window.
 *
 * Kinds (rules §6 "Fault knobs"):
 *   throttle    → 400 ThrottlingException "Rate exceeded"
 *   serverError → 500 ServiceUnavailableException
 *   latency     → the response is delayed by `ms` (stacks with other faults; the operation runs after the delay)
 *   reset       → the socket is destroyed without a response; with `afterApply` the operation runs first (a lost reply)
 *   down        → every AWS request is dropped and idle keep-alive sockets are closed; test hooks stay reachable
 */
export type FaultKind = 'throttle' | 'serverError' | 'latency' | 'reset' | 'down';

export interface FaultScope {
  /** Operation name (e.g. `PutLogEvents`); all operations when absent. */
  op?: string;
  /** Fire at most this many times. */
  count?: number;
  /** Chance (0..1] that a matching request is hit; misses do not use up the count. Default 1. */
  probability?: number;
  /** Active for this many milliseconds from installation. */
  forMs?: number;
}

export interface LatencyScope extends FaultScope { ms: number }
export interface ResetScope extends FaultScope { afterApply?: boolean }

export type FaultSpec =
  | ({ kind: 'throttle' | 'serverError' | 'down' } & FaultScope)
  | ({ kind: 'latency' } & LatencyScope)
  | ({ kind: 'reset' } & ResetScope);

export interface ActiveFault {
  readonly id: number;
  readonly kind: FaultKind;
  readonly op?: string;
  readonly probability: number;
  /** Firings left; undefined = only time-bounded. */
  remaining?: number;
  /** Monotonic deadline; undefined = only count-bounded. */
  readonly until?: number;
  readonly ms?: number;
  readonly afterApply?: boolean;
  fired: number;
}

export interface FaultDecision {
  delayMs: number;
  action?: 'throttle' | 'serverError' | 'reset' | 'down';
  /** For reset: run the operation before dropping the connection. */
  afterApply?: boolean;
}

const KINDS: readonly FaultKind[] = ['throttle', 'serverError', 'latency', 'reset', 'down'];

/** Validates a fault spec (typed API and JSON from the test hook alike). Returns an error text or the spec. */
export function parseFaultSpec(raw: unknown): FaultSpec | string {
  if (typeof raw !== 'object' || raw === null) return 'fault must be a JSON object';
  const r = raw as Record<string, unknown>;
  if (typeof r.kind !== 'string' || !KINDS.includes(r.kind as FaultKind)) return `kind must be one of ${KINDS.join(', ')}`;
  if (r.op !== undefined && typeof r.op !== 'string') return 'op must be a string';
  if (r.count !== undefined && !(Number.isInteger(r.count) && (r.count as number) > 0)) return 'count must be a positive integer';
  if (r.forMs !== undefined && !(typeof r.forMs === 'number' && r.forMs > 0 && Number.isFinite(r.forMs))) return 'forMs must be a positive number';
  if (r.probability !== undefined && !(typeof r.probability === 'number' && r.probability > 0 && r.probability <= 1)) {
    return 'probability must be in (0, 1]';
  }
  if (r.kind === 'latency' && !(typeof r.ms === 'number' && r.ms >= 0 && Number.isFinite(r.ms))) return 'latency needs ms >= 0';
  if (r.afterApply !== undefined && typeof r.afterApply !== 'boolean') return 'afterApply must be a boolean';
  return r as unknown as FaultSpec;
}

export class FaultController {
  private faults: ActiveFault[] = [];
  private nextId = 1;
  private readonly downListeners = new Set<() => void>();

  constructor(
    private readonly clock: () => number = () => performance.now(),
    private readonly random: () => number = Math.random,
  ) {}

  throttle(scope: FaultScope = {}): number { return this.add({ ...scope, kind: 'throttle' }); }
  serverError(scope: FaultScope = {}): number { return this.add({ ...scope, kind: 'serverError' }); }
  latency(scope: LatencyScope): number { return this.add({ ...scope, kind: 'latency' }); }
  reset(scope: ResetScope = {}): number { return this.add({ ...scope, kind: 'reset' }); }
  down(scope: FaultScope = {}): number { return this.add({ ...scope, kind: 'down' }); }

  /** Installs a fault and returns its id. Throws TypeError for an invalid spec. */
  add(spec: FaultSpec): number {
    const parsed = parseFaultSpec(spec);
    if (typeof parsed === 'string') throw new TypeError(parsed);
    const bounded = parsed.count !== undefined || parsed.forMs !== undefined;
    const fault: ActiveFault = {
      id: this.nextId++, kind: parsed.kind, probability: parsed.probability ?? 1, fired: 0,
      ...(parsed.op !== undefined ? { op: parsed.op } : {}),
      ...(parsed.count !== undefined || !bounded ? { remaining: parsed.count ?? 1 } : {}),
      ...(parsed.forMs !== undefined ? { until: this.clock() + parsed.forMs } : {}),
      ...(parsed.kind === 'latency' ? { ms: parsed.ms } : {}),
      ...(parsed.kind === 'reset' && parsed.afterApply ? { afterApply: true } : {}),
    };
    this.faults.push(fault);
    if (fault.kind === 'down') for (const l of this.downListeners) l();
    return fault.id;
  }

  /** Removes one fault, or all of them. */
  clear(id?: number): void {
    this.faults = id === undefined ? [] : this.faults.filter((f) => f.id !== id);
  }

  /** Faults still able to fire. */
  active(): ActiveFault[] {
    this.prune();
    return this.faults.map((f) => ({ ...f }));
  }

  /** Called when a `down` fault is installed (the server closes idle sockets). */
  onDown(listener: () => void): () => void {
    this.downListeners.add(listener);
    return () => this.downListeners.delete(listener);
  }

  /**
   * Decides what happens to one request of operation `op` and uses up the counts of the faults that fire.
   * Latency faults add up; of the other kinds at most one fires: `down` first, then in installation order.
   */
  decide(op: string): FaultDecision {
    this.prune();
    const decision: FaultDecision = { delayMs: 0 };
    const matching = this.faults.filter((f) => f.op === undefined || f.op === op);
    for (const f of matching) {
      if (f.kind === 'latency' && this.fire(f)) decision.delayMs += f.ms ?? 0;
    }
    const actions = [...matching.filter((f) => f.kind === 'down'), ...matching.filter((f) => f.kind !== 'down' && f.kind !== 'latency')];
    for (const f of actions) {
      if (!this.fire(f)) continue;
      decision.action = f.kind as FaultDecision['action'];
      if (f.afterApply) decision.afterApply = true;
      break;
    }
    this.prune();
    return decision;
  }

  private fire(f: ActiveFault): boolean {
    if (f.probability < 1 && this.random() >= f.probability) return false;
    f.fired++;
    if (f.remaining !== undefined) f.remaining--;
    return true;
  }

  private prune(): void {
    const now = this.clock();
    this.faults = this.faults.filter((f) => (f.remaining === undefined || f.remaining > 0) && (f.until === undefined || now < f.until));
  }
}
