/** Public value types of the local endpoint (re-exported by index.ts, which is the module others import). */

export interface LocalEndpointOptions {
  /** Must be a loopback address; default 127.0.0.1. Anything else is refused at start. */
  host?: string;
  /** Default 0 (an ephemeral port). */
  port?: number;
  /** Idle keep-alive sockets are closed after this long, like the real service (~6 s). Default 6000; 0 = never. */
  keepAliveTimeoutMs?: number;
  /** Limit on (UTF-8 bytes + 26) of one event. Default 1,048,576 (the 1 MB rule); 262,144 emulates the old 256 KB rule. */
  maxEventBytes?: number;
  /** Clock for CloudWatch semantics (ingestionTime, creationTime, too old / too new). Fault timing uses real time. */
  now?: () => number;
}

export interface StoredEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}

/** One accepted (HTTP 200) PutLogEvents request. */
export interface BatchRecord {
  group: string;
  stream: string;
  /** Events in the request. */
  count: number;
  /** Σ(UTF-8 bytes + 26) over the request's events. */
  bytes: number;
  /** Wall-clock (Date.now) arrival time, not LocalEndpointOptions.now, so retry timing can be measured. */
  receivedAt: number;
  /** From the SDK's `amz-sdk-request: attempt=N; max=M` header. */
  attempt?: number;
  /** The `x-amzn-logs-format` header (e.g. json/emf). */
  format?: string;
  /** Events dropped by rejectedLogEventsInfo (too old, expired, too new). Absent when none. */
  rejected?: number;
}

/** One request on the AWS surface, including faulted ones (status 0 = connection dropped without a response). */
export interface CallRecord {
  /** Operation name, or the raw X-Amz-Target when it names no operation. */
  operation: string;
  /** Wall-clock (Date.now) arrival time. */
  at: number;
  status: number;
  errorType?: string;
  attempt?: number;
}
