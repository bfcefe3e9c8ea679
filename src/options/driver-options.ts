/**
 * The driver's configuration for one container, parsed and validated from `ContainerInfo.config`
 * by `parseDriverOptions` (options/parse-options.ts). Nothing downstream reads the raw option map.
 */
export interface DriverOptions {
  /** awslogs-region, else the plugin's AWS_REGION, else instance metadata (resolved by the sender). */
  readonly region?: string;
  /** awslogs-endpoint: SDK base endpoint, e.g. http://127.0.0.1:4566. */
  readonly endpoint?: string;
  readonly group: string;
  /** The stream name after template rendering and sanitising (awslogs-stream / tag / awslogs-stream-prefix). */
  readonly stream: string;
  readonly createGroup: boolean; // awslogs-create-group, default false
  readonly createStream: boolean; // awslogs-create-stream, default true
  /** A new multiline event starts at a line matching this (awslogs-multiline-pattern / awslogs-datetime-format). */
  readonly multilinePattern?: RegExp;
  /** awslogs-credentials-endpoint: relative URI on http://169.254.170.2 (ECS task role). */
  readonly credentialsEndpoint?: string;
  /** awslogs-credentials-profile (ours): a named profile in the mounted shared credentials file. */
  readonly credentialsProfile?: string;
  /** awslogs-force-flush-interval-seconds × 1000: the upper bound on how long an event waits. Default 5000. */
  readonly flushIntervalMs: number;
  /** awslogs-max-buffered-events: bound on queued events per container. Default 4096. */
  readonly maxBufferedEvents: number;
  /** awslogs-format=json/emf adds x-amzn-logs-format: json/emf. */
  readonly format?: 'json/emf';
  /** awslogs-max-event-size (ours): UTF-8 bytes per event message. Default 1,048,550 (1 MiB − 26). */
  readonly maxEventBytes: number;
  /** Applied when we create the group: awslogs-retention-days, -group-class, -kms-key-id, -group-tags (ours). */
  readonly retentionDays?: number;
  readonly groupClass?: 'STANDARD' | 'INFREQUENT_ACCESS';
  readonly kmsKeyId?: string;
  readonly groupTags?: Readonly<Record<string, string>>;
  /** Docker's generic `mode`; the daemon acts on it, we only read it (e.g. for logs). */
  readonly mode: 'blocking' | 'non-blocking';
}
