/**
 * StartLogging's `Info.Config` → DriverOptions. dockerd validates nothing for a plugin
 * (docker-logging-protocol.md §2.1), so this is the only check, and its messages are what `docker run` prints
 * after "failed to initialize logging driver: error creating logger: ". Each names the option, quotes the value
 * and says what was expected; awslogs' exact wording is kept where it exists (awslogs-options.md §1, §8).
 *
 * Like awslogs, an option present with an empty value counts as unset, except that awslogs-group must be
 * non-empty and the datetime-format / multiline-pattern conflict is decided on presence alone.
 * Pure: no I/O; the hostname and the plugin's AWS_REGION are passed in.
 */
import { InvalidOptionError } from '../errors';
import type { ContainerInfo } from '../protocol/container-info';
import { sanitiseStreamName, validateGroupName } from './cloudwatch-names';
import type { DriverOptions } from './driver-options';
import { compileGoRegexp } from './go-regexp';
import { KNOWN_OPTIONS, MAX_EVENT_BYTES, OPTION_TABLE } from './option-table';
import {
  invalid, parseCredentialsPath, parseEnum, parseGoBool, parseGroupTags, parseHttpUrl, parseIntInRange, parseKmsKeyArn,
  parseProfileName, parseRegion, parseRetentionDays,
} from './option-values';
import { strftimeToGoRegex } from './strftime';
import { renderTagTemplate } from './tag-template';

const DATETIME_FORMAT = 'awslogs-datetime-format';
const MULTILINE_PATTERN = 'awslogs-multiline-pattern';
const JSON_EMF = 'json/emf' as const;

export const DEFAULT_FLUSH_INTERVAL_SECONDS = 5;
export const DEFAULT_MAX_BUFFERED_EVENTS = 4096;
/** Node timers overflow above 2^31−1 ms (and then fire after 1 ms), so the interval is capped below that. */
export const MAX_FLUSH_INTERVAL_SECONDS = Math.floor((2 ** 31 - 1) / 1000);
const MAX_INT32 = 2 ** 31 - 1;

/** Options that only take effect when the driver creates the group (CreateLogGroup / PutRetentionPolicy). */
const GROUP_CREATION_OPTIONS = ['awslogs-retention-days', 'awslogs-group-class', 'awslogs-kms-key-id', 'awslogs-group-tags'];

export function parseDriverOptions(info: ContainerInfo, env: { AWS_REGION?: string }, hostname: string): DriverOptions {
  const cfg = info.config;
  for (const key of Object.keys(cfg)) {
    if (!KNOWN_OPTIONS.has(key)) {
      throw new InvalidOptionError(key, `unknown log opt '${key}' for the cloudwatch log driver (known: ${OPTION_TABLE.map((o) => o.name).join(', ')})`);
    }
  }
  /** The value, or undefined when absent or empty (awslogs' `cfg[key] != ""`). */
  const get = (key: string): string | undefined => (Object.hasOwn(cfg, key) && cfg[key] !== '' ? cfg[key] : undefined);
  const opt = <T>(key: string, parse: (option: string, value: string) => T): T | undefined => {
    const v = get(key);
    return v === undefined ? undefined : parse(key, v);
  };

  const groupValue = get('awslogs-group');
  if (groupValue === undefined) throw new InvalidOptionError('awslogs-group', "must specify a value for log opt 'awslogs-group'");
  const group = validateGroupName(groupValue, 'awslogs-group');

  const region = opt('awslogs-region', parseRegion) ?? (env.AWS_REGION !== undefined && env.AWS_REGION !== '' ? env.AWS_REGION : undefined);
  const endpoint = opt('awslogs-endpoint', parseHttpUrl);
  const createGroup = opt('awslogs-create-group', parseGoBool) ?? false;
  const createStream = opt('awslogs-create-stream', parseGoBool) ?? true;
  const multilinePattern = parseMultiline(cfg, get);

  const flushSeconds = opt('awslogs-force-flush-interval-seconds', (o, v) =>
    parseIntInRange(o, v, 1, MAX_FLUSH_INTERVAL_SECONDS, `a positive integer number of seconds (1 to ${MAX_FLUSH_INTERVAL_SECONDS})`),
  ) ?? DEFAULT_FLUSH_INTERVAL_SECONDS;
  const maxBufferedEvents = opt('awslogs-max-buffered-events', (o, v) =>
    parseIntInRange(o, v, 1, MAX_INT32, `a positive integer number of events (1 to ${MAX_INT32})`),
  ) ?? DEFAULT_MAX_BUFFERED_EVENTS;
  const maxEventBytes = opt('awslogs-max-event-size', (o, v) =>
    parseIntInRange(o, v, 1, MAX_EVENT_BYTES, `a number of bytes from 1 to ${MAX_EVENT_BYTES} (CloudWatch's 1 MiB event limit minus 26 bytes of overhead)`),
  ) ?? MAX_EVENT_BYTES;

  const credentialsEndpoint = opt('awslogs-credentials-endpoint', parseCredentialsPath);
  const credentialsProfile = opt('awslogs-credentials-profile', parseProfileName);
  if (credentialsEndpoint !== undefined && credentialsProfile !== undefined) {
    throw new InvalidOptionError(
      'awslogs-credentials-profile',
      `invalid log opt 'awslogs-credentials-profile'='${credentialsProfile}': expected either it or 'awslogs-credentials-endpoint'='${credentialsEndpoint}', not both (they are two sources of credentials)`,
    );
  }

  const retentionDays = opt('awslogs-retention-days', parseRetentionDays);
  const groupClass = opt('awslogs-group-class', (o, v) => parseEnum(o, v, ['STANDARD', 'INFREQUENT_ACCESS'] as const));
  const kmsKeyId = opt('awslogs-kms-key-id', parseKmsKeyArn);
  const groupTags = opt('awslogs-group-tags', parseGroupTags);
  const creationOnly = GROUP_CREATION_OPTIONS.find((k) => get(k) !== undefined);
  if (creationOnly !== undefined && !createGroup) {
    throw invalid(creationOnly, get(creationOnly)!, "'awslogs-create-group'='true' as well: this option only applies to a log group the driver creates");
  }

  const mode = opt('mode', (o, v) => parseEnum(o, v, ['blocking', 'non-blocking'] as const)) ?? 'blocking';
  for (const key of ['labels-regex', 'env-regex']) opt(key, (o, v) => compileGoRegexp(v, o));

  const format = opt('awslogs-format', (o, v) => {
    if (v !== JSON_EMF) throw invalid(o, v, `'${JSON_EMF}' (the only log format CloudWatch accepts)`);
    if (Object.hasOwn(cfg, DATETIME_FORMAT) || Object.hasOwn(cfg, MULTILINE_PATTERN)) {
      throw new InvalidOptionError(o, `you cannot configure log opt '${DATETIME_FORMAT}' or '${MULTILINE_PATTERN}' when log opt '${o}' is set to '${JSON_EMF}'`);
    }
    return JSON_EMF;
  });

  return {
    ...(region !== undefined ? { region } : {}),
    ...(endpoint !== undefined ? { endpoint } : {}),
    group,
    stream: streamName(info, get, hostname),
    createGroup,
    createStream,
    ...(multilinePattern !== undefined ? { multilinePattern } : {}),
    ...(credentialsEndpoint !== undefined ? { credentialsEndpoint } : {}),
    ...(credentialsProfile !== undefined ? { credentialsProfile } : {}),
    flushIntervalMs: flushSeconds * 1000,
    maxBufferedEvents,
    ...(format !== undefined ? { format } : {}),
    maxEventBytes,
    ...(retentionDays !== undefined ? { retentionDays } : {}),
    ...(groupClass !== undefined ? { groupClass } : {}),
    ...(kmsKeyId !== undefined ? { kmsKeyId } : {}),
    ...(groupTags !== undefined ? { groupTags } : {}),
    mode,
  };
}

/**
 * awslogs-multiline-pattern or awslogs-datetime-format, compiled once per container.
 * Both present (even empty) is an error, as in awslogs' ValidateLogOpt. Its docs say datetime-format "takes
 * precedence", but its code refuses the pair; we keep the refusal because users switching from awslogs expect
 * the same strictness, and a silent precedence would hide a configuration mistake.
 */
function parseMultiline(cfg: Readonly<Record<string, string>>, get: (k: string) => string | undefined): RegExp | undefined {
  if (Object.hasOwn(cfg, DATETIME_FORMAT) && Object.hasOwn(cfg, MULTILINE_PATTERN)) {
    throw new InvalidOptionError(DATETIME_FORMAT, `you cannot configure log opt '${DATETIME_FORMAT}' and '${MULTILINE_PATTERN}' at the same time`);
  }
  const datetime = get(DATETIME_FORMAT);
  if (datetime !== undefined) {
    // A format made only of unknown sequences (e.g. "%F") converts to "": no multiline, exactly like awslogs.
    const pattern = strftimeToGoRegex(datetime);
    return pattern === '' ? undefined : compileGoRegexp(pattern, DATETIME_FORMAT, datetime);
  }
  const pattern = get(MULTILINE_PATTERN);
  return pattern === undefined ? undefined : compileGoRegexp(pattern, MULTILINE_PATTERN);
}

/**
 * The stream name, first match wins: awslogs-stream; awslogs-stream-prefix; the rendered `tag`; the full
 * container ID (awslogs' default template `{{.FullID}}`). Then sanitised (cloudwatch-names.ts).
 *
 * awslogs-stream-prefix outside ECS: ECS names streams `<prefix>/<container-name>/<ecs-task-id>`. Plain Docker
 * has no task, so we use `<prefix>/<container-name>/<container-id>` (name without the leading '/', full
 * 64-hex ID): the same shape, still unique per container, and the name keeps it readable.
 */
function streamName(info: ContainerInfo, get: (k: string) => string | undefined, hostname: string): string {
  const explicit = get('awslogs-stream');
  if (explicit !== undefined) return sanitiseStreamName(explicit, 'awslogs-stream', explicit);
  const prefix = get('awslogs-stream-prefix');
  if (prefix !== undefined) {
    const name = info.containerName.replace(/^\//, '');
    return sanitiseStreamName(`${prefix}/${name}/${info.containerId}`, 'awslogs-stream-prefix', prefix);
  }
  const tag = get('tag');
  if (tag !== undefined) return sanitiseStreamName(renderTagTemplate(tag, info, hostname), 'tag', tag);
  return sanitiseStreamName(info.containerId, 'tag', '{{.FullID}}');
}
