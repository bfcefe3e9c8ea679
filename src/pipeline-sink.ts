import type { LogEvent } from './pipeline-types';

/**
 * Where a session hands its events. Backpressure is `await room()`, never an unbounded array:
 * while `full` is true the session stops reading its FIFO, and Docker's own `mode` decides whether the
 * container blocks or drops (docker-logging-protocol.md §8).
 */
export interface EventSink {
  /** Queue one event. Never blocks and never throws on CloudWatch state. */
  write(event: LogEvent): void;
  /** True while buffered bytes/events are at or above this sink's bound (or the global one). */
  readonly full: boolean;
  /** Resolves once `full` is false. */
  room(): Promise<void>;
  /**
   * No more events will be written. Delivery continues in the background; the promise resolves when everything
   * was delivered or counted as dropped, or at `deadline` (epoch ms), after which what is left is counted
   * as dropped with reason 'close-deadline'. It never rejects.
   */
  close(deadline: number): Promise<void>;
}
