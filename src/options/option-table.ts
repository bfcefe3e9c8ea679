/**
 * Every log-opt the cloudwatch driver accepts, as data: the README's options table is generated from (and
 * checked against) OPTION_TABLE, and parse-options.ts rejects any key not listed here.
 * Sources: awslogs-options.md §1 (awslogs), §2 (Docker generic), §6 (ECS stream prefix); extensions are ours.
 */

export type OptionOrigin = 'awslogs' | 'ecs' | 'docker' | 'extension';

export interface OptionSpec {
  readonly name: string;
  readonly origin: OptionOrigin;
  /** The default as the user would write it; null when there is none (unset). */
  readonly default: string | null;
  readonly description: string;
  readonly example: string;
}

/** awslogs' event cap, 262,144 − 26 (moby `maximumBytesPerEvent`). */
export const AWSLOGS_MAX_EVENT_BYTES = 262_118;
/**
 * CloudWatch's event cap since April 2025 is 1 MB (1,048,576) including the 26 bytes of per-event overhead
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html; cloudwatch-logs-rules.md).
 */
export const MAX_EVENT_BYTES = 1_048_576 - 26;

export const OPTION_TABLE: readonly OptionSpec[] = [
  { name: 'awslogs-group', origin: 'awslogs', default: null, description: 'Log group to write to (required). 1-512 of A-Z a-z 0-9 . - _ / #, not starting with aws/; never rewritten.', example: 'my-app' },
  { name: 'awslogs-region', origin: 'awslogs', default: "plugin's AWS_REGION, then instance metadata", description: 'AWS region of the log group.', example: 'eu-west-1' },
  { name: 'awslogs-endpoint', origin: 'awslogs', default: 'SDK default', description: 'CloudWatch Logs endpoint URL (http or https).', example: 'http://127.0.0.1:4566' },
  { name: 'awslogs-stream', origin: 'awslogs', default: null, description: "Log stream name; overrides awslogs-stream-prefix and tag. ':' and '*' become '_', cut to 512 characters.", example: 'web-1' },
  { name: 'awslogs-create-group', origin: 'awslogs', default: 'false', description: 'Create the log group if it does not exist.', example: 'true' },
  { name: 'awslogs-create-stream', origin: 'awslogs', default: 'true', description: 'Create the log stream; false when it is created by other means.', example: 'false' },
  { name: 'awslogs-datetime-format', origin: 'awslogs', default: null, description: "strftime format whose match starts a new multiline event (awslogs' table: unknown %x vanish, other characters are regex). Not with awslogs-multiline-pattern.", example: '\\[%b %d, %Y %H:%M:%S\\]' },
  { name: 'awslogs-multiline-pattern', origin: 'awslogs', default: null, description: 'Go RE2 regular expression whose match starts a new multiline event. Not with awslogs-datetime-format.', example: '^\\d{4}-\\d{2}-\\d{2}' },
  { name: 'awslogs-credentials-endpoint', origin: 'awslogs', default: null, description: 'Relative URI on http://169.254.170.2 to fetch credentials from (ECS task role).', example: '/v2/credentials/0123abcd' },
  { name: 'awslogs-force-flush-interval-seconds', origin: 'awslogs', default: '5', description: 'Longest time, in seconds, an event waits before it is sent.', example: '2' },
  { name: 'awslogs-max-buffered-events', origin: 'awslogs', default: '4096', description: 'Events queued per container before the driver pushes back.', example: '10000' },
  { name: 'awslogs-format', origin: 'awslogs', default: null, description: "Only 'json/emf': sends x-amzn-logs-format: json/emf (Embedded Metric Format). Not with multiline options.", example: 'json/emf' },
  { name: 'tag', origin: 'docker', default: '{{.FullID}}', description: 'Go template for the stream name when awslogs-stream and awslogs-stream-prefix are unset.', example: '{{.Name}}/{{.ID}}' },
  { name: 'awslogs-stream-prefix', origin: 'ecs', default: null, description: 'ECS option; outside ECS the stream is <prefix>/<container-name>/<container-id>.', example: 'web' },
  { name: 'mode', origin: 'docker', default: 'blocking', description: "Docker delivery mode: 'blocking' or 'non-blocking' (the daemon acts on it).", example: 'non-blocking' },
  { name: 'max-buffer-size', origin: 'docker', default: '1m', description: 'Docker ring-buffer size in non-blocking mode (the daemon acts on it).', example: '4m' },
  { name: 'cache-disabled', origin: 'docker', default: 'false', description: "Docker's dual-logging cache for docker logs (the daemon acts on it).", example: 'true' },
  { name: 'cache-max-size', origin: 'docker', default: '20m', description: 'Dual-logging cache file size (the daemon acts on it).', example: '10m' },
  { name: 'cache-max-file', origin: 'docker', default: '5', description: 'Dual-logging cache file count (the daemon acts on it).', example: '2' },
  { name: 'cache-compress', origin: 'docker', default: 'true', description: 'Compress rotated dual-logging cache files (the daemon acts on it).', example: 'false' },
  { name: 'labels', origin: 'docker', default: null, description: 'Comma-separated container label keys to attach as attributes.', example: 'com.example.team,version' },
  { name: 'labels-regex', origin: 'docker', default: null, description: 'Go regular expression selecting label keys to attach.', example: '^com\\.example\\.' },
  { name: 'env', origin: 'docker', default: null, description: 'Comma-separated environment variable names to attach.', example: 'APP_ENV,REGION' },
  { name: 'env-regex', origin: 'docker', default: null, description: 'Go regular expression selecting environment variable names to attach.', example: '^APP_' },
  { name: 'awslogs-retention-days', origin: 'extension', default: null, description: 'Retention set on a group the driver creates: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653. Needs awslogs-create-group=true.', example: '30' },
  { name: 'awslogs-group-class', origin: 'extension', default: 'STANDARD', description: 'Class of a group the driver creates: STANDARD or INFREQUENT_ACCESS. Needs awslogs-create-group=true.', example: 'INFREQUENT_ACCESS' },
  { name: 'awslogs-kms-key-id', origin: 'extension', default: null, description: 'KMS key ARN encrypting a group the driver creates. Needs awslogs-create-group=true.', example: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
  { name: 'awslogs-group-tags', origin: 'extension', default: null, description: 'Tags (key=value, comma-separated, 1-50) on a group the driver creates. Needs awslogs-create-group=true.', example: 'team=web,env=prod' },
  { name: 'awslogs-max-event-size', origin: 'extension', default: String(MAX_EVENT_BYTES), description: `Maximum UTF-8 bytes per event; longer lines are split. 1 to ${MAX_EVENT_BYTES}; awslogs uses ${AWSLOGS_MAX_EVENT_BYTES}.`, example: String(AWSLOGS_MAX_EVENT_BYTES) },
  { name: 'awslogs-credentials-profile', origin: 'extension', default: null, description: 'Profile in the mounted shared credentials file to use for this container. Secrets never go in log-opts.', example: 'logs-writer' },
];

export const KNOWN_OPTIONS: ReadonlySet<string> = new Set(OPTION_TABLE.map((o) => o.name));
