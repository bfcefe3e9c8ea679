/**
 * Values that travel between pipeline stages:
 *   FIFO bytes → frames → DockerLogEntry → (assembly) AssembledLine → (multiline) LogEvent → sender.
 */

export type LogSource = 'stdout' | 'stderr';

/** One decoded protobuf LogEntry (proto/entry.proto), parsed into types at the edge. */
export interface DockerLogEntry {
  readonly source: string; // "stdout" | "stderr"; kept as read, filtered by the assembler
  readonly timeNano: bigint; // ~1.7e18, above 2^53
  readonly line: Buffer; // '\n' stripped by dockerd; empty when the field was absent
  readonly partial: boolean;
  readonly partialMeta?: { readonly last: boolean; readonly id: string; readonly ordinal: number };
}

/** A whole line, partial chunks joined, decoded to a valid UTF-8 string. */
export interface AssembledLine {
  readonly source: LogSource;
  readonly timestampMs: number; // time dockerd cut the (first chunk of the) line, in epoch ms
  readonly text: string;
}

/** One CloudWatch event before size splitting and batching. `message` may exceed the event size limit. */
export interface LogEvent {
  readonly timestampMs: number;
  readonly message: string;
}
