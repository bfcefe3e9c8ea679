/**
 * In-memory CloudWatch state: groups → streams → events, plus the records tests read back (accepted batches and the
 * call log). Events are kept in arrival order; GetLogEvents/FilterLogEvents read a timestamp-sorted view (stable, so
 * equal timestamps keep arrival order), which is the arrival array itself while arrivals stay non-decreasing.
 */
import type { BatchRecord, CallRecord, StoredEvent } from './types';
import type { InputEvent, PutStoreView } from './put-log-events';
import { EVENT_OVERHEAD_BYTES } from './limits';

export interface StreamState {
  readonly name: string;
  readonly creationTime: number;
  readonly events: StoredEvent[];
  firstEventTimestamp?: number;
  lastEventTimestamp?: number;
  lastIngestionTime?: number;
  storedBytes: number;
  /** True while every appended timestamp was ≥ the previous one. */
  inOrder: boolean;
  sortedCache: StoredEvent[] | undefined;
}

export interface GroupState {
  readonly name: string;
  readonly creationTime: number;
  retentionInDays: number | null;
  readonly kmsKeyId?: string;
  readonly tags: Record<string, string>;
  readonly logGroupClass: string;
  readonly streams: Map<string, StreamState>;
}

export interface NewGroup {
  name: string;
  kmsKeyId?: string;
  tags?: Record<string, string>;
  logGroupClass?: string;
}

export class Store implements PutStoreView {
  private readonly groupMap = new Map<string, GroupState>();
  readonly batches: BatchRecord[] = [];
  readonly calls: CallRecord[] = [];

  group(name: string): GroupState | undefined {
    return this.groupMap.get(name);
  }

  stream(group: string, stream: string): StreamState | undefined {
    return this.groupMap.get(group)?.streams.get(stream);
  }

  hasStream(group: string, stream: string): boolean {
    return this.stream(group, stream) !== undefined;
  }

  /** Groups sorted by name (the order DescribeLogGroups lists them in). */
  sortedGroups(): GroupState[] {
    return [...this.groupMap.values()].sort((a, b) => compare(a.name, b.name));
  }

  /** Returns false when the group already exists. */
  createGroup(g: NewGroup, now: number): boolean {
    if (this.groupMap.has(g.name)) return false;
    this.groupMap.set(g.name, {
      name: g.name, creationTime: now, retentionInDays: null, tags: g.tags ?? {},
      logGroupClass: g.logGroupClass ?? 'STANDARD', streams: new Map(),
      ...(g.kmsKeyId !== undefined ? { kmsKeyId: g.kmsKeyId } : {}),
    });
    return true;
  }

  deleteGroup(name: string): boolean {
    return this.groupMap.delete(name);
  }

  /** Returns 'no-group' or 'exists' instead of creating. */
  createStream(group: string, name: string, now: number): 'created' | 'no-group' | 'exists' {
    const g = this.groupMap.get(group);
    if (!g) return 'no-group';
    if (g.streams.has(name)) return 'exists';
    g.streams.set(name, { name, creationTime: now, events: [], storedBytes: 0, inOrder: true, sortedCache: undefined });
    return 'created';
  }

  deleteStream(group: string, name: string): boolean {
    return this.groupMap.get(group)?.streams.delete(name) ?? false;
  }

  /** Appends accepted events (the caller has checked that the stream exists) and returns them as stored. */
  append(group: string, stream: string, events: readonly InputEvent[], now: number): StoredEvent[] {
    const s = this.stream(group, stream);
    if (!s) throw new Error(`append to missing stream ${group}/${stream}`);
    const stored = events.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: now }));
    for (const e of stored) {
      const last = s.events[s.events.length - 1];
      if (last && e.timestamp < last.timestamp) s.inOrder = false;
      s.events.push(e);
      s.storedBytes += Buffer.byteLength(e.message, 'utf8') + EVENT_OVERHEAD_BYTES;
      s.firstEventTimestamp = Math.min(s.firstEventTimestamp ?? e.timestamp, e.timestamp);
      s.lastEventTimestamp = Math.max(s.lastEventTimestamp ?? e.timestamp, e.timestamp);
    }
    if (stored.length > 0) {
      s.lastIngestionTime = now;
      s.sortedCache = undefined;
    }
    return stored;
  }

  /** Events ordered by timestamp (stable). Do not mutate the result. */
  eventsByTime(s: StreamState): readonly StoredEvent[] {
    if (s.inOrder) return s.events;
    s.sortedCache ??= [...s.events].sort((a, b) => a.timestamp - b.timestamp);
    return s.sortedCache;
  }

  reset(): void {
    this.groupMap.clear();
    this.batches.length = 0;
    this.calls.length = 0;
  }
}

/** Byte-wise (code unit) name order, like the service's lexicographic listing. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
