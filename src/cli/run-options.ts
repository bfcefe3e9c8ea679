import { LauncherError } from './errors';
import { groupNameProblem, streamNameProblem } from '../options/cloudwatch-names';
import { isRegionCode } from '../options/option-values';

/**
 * Pure: `run`'s flags plus the environment → a validated RunConfig. Every check that needs no I/O happens here, so
 * a bad flag or name fails before Docker is even contacted (issue 5, "validated before anything starts").
 */

/** The flag defaults of the program this launcher grew from (issue 5, "Why"). */
export const DEFAULT_IMAGE = 'python';
export const DEFAULT_GROUP = 'test-task-group-1';
export const DEFAULT_STREAM = 'test-task-stream-1';
/**
 * pip-installs a package, then prints an increasing counter every 0.1 s forever. `any()` over a generator keeps the
 * loop a one-liner without growing memory (print/sleep return None); flush=True because stdout is a pipe, not a TTY.
 */
export const DEFAULT_COMMAND =
  'pip install pip -U && pip install tqdm && python -c ' +
  '"import itertools, time; any(print(i, flush=True) or time.sleep(0.1) for i in itertools.count(1))"';
export const DEFAULT_PLUGIN = 'cloudwatch';
/** Like `docker stop`'s default grace period. */
export const DEFAULT_STOP_TIMEOUT_SECONDS = 10;
/** The region the embedded endpoint signs for; any valid code works there. */
export const EMBEDDED_REGION = 'us-east-1';

export const PULL_POLICIES = ['missing', 'always', 'never'] as const;
export type PullPolicy = (typeof PULL_POLICIES)[number];

/** Log-opts the launcher sets from its own flags; a --log-opt for them would silently fight the flag. */
const FLAG_OWNED_LOG_OPTS: Readonly<Record<string, string>> = {
  'awslogs-group': '--aws-cloudwatch-group',
  'awslogs-stream': '--aws-cloudwatch-stream',
  'awslogs-region': '--aws-region',
  'awslogs-endpoint': '--aws-endpoint',
  'awslogs-credentials-profile': '--aws-access-key-id/--aws-secret-access-key or AWS_PROFILE',
};

/** The flags as commander hands them over (camelCase of the long names). */
export interface RunFlags {
  readonly dockerImage: string;
  readonly bashCommand: string;
  readonly awsCloudwatchGroup: string;
  readonly awsCloudwatchStream: string;
  readonly awsAccessKeyId?: string;
  readonly awsSecretAccessKey?: string;
  readonly awsRegion?: string;
  readonly awsEndpoint?: string;
  readonly logOpt?: readonly string[];
  readonly pull: string;
  readonly plugin?: string;
  readonly yes?: boolean;
  readonly stopTimeout: string;
  readonly network?: string;
  readonly init: boolean;
}

export interface StaticCredentials {
  readonly kind: 'static';
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}
/** A named profile from the launcher user's own ~/.aws files, resolved to keys by the SDK at run time. */
export interface ProfileCredentials {
  readonly kind: 'profile';
  readonly profile: string;
}
export type CredentialSource = StaticCredentials | ProfileCredentials | { readonly kind: 'none' };

export interface RunConfig {
  readonly image: string;
  readonly command: string;
  readonly group: string;
  readonly stream: string;
  /** 'embedded': no credentials and no endpoint, so the launcher hosts a local CloudWatch Logs endpoint. */
  readonly target: 'embedded' | 'aws';
  readonly region: string;
  readonly endpoint?: string;
  readonly credentials: CredentialSource;
  /** Extra --log-opt values, passed through to the driver (they may override awslogs-create-group). */
  readonly extraLogOpts: Readonly<Record<string, string>>;
  readonly pull: PullPolicy;
  readonly plugin: string;
  readonly assumeYes: boolean;
  readonly stopTimeoutSeconds: number;
  readonly network?: string;
  readonly init: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value !== '' ? value : undefined;
}

/** Flags win; then AWS_PROFILE; then the AWS_* key variables. This mirrors the SDK chain (env keys are skipped when AWS_PROFILE is set). */
export function resolveCredentialSource(flags: RunFlags, env: Env): CredentialSource {
  const keyId = nonEmpty(flags.awsAccessKeyId);
  const secret = nonEmpty(flags.awsSecretAccessKey);
  if ((keyId === undefined) !== (secret === undefined)) {
    throw new LauncherError('usage', '--aws-access-key-id and --aws-secret-access-key must be given together');
  }
  if (keyId !== undefined && secret !== undefined) return { kind: 'static', accessKeyId: keyId, secretAccessKey: secret };
  const profile = nonEmpty(env.AWS_PROFILE);
  if (profile !== undefined) return { kind: 'profile', profile };
  const envKeyId = nonEmpty(env.AWS_ACCESS_KEY_ID);
  const envSecret = nonEmpty(env.AWS_SECRET_ACCESS_KEY);
  if (envKeyId !== undefined && envSecret !== undefined) {
    const sessionToken = nonEmpty(env.AWS_SESSION_TOKEN);
    return { kind: 'static', accessKeyId: envKeyId, secretAccessKey: envSecret, ...(sessionToken ? { sessionToken } : {}) };
  }
  return { kind: 'none' };
}

/** `key=value` pairs; the value may contain `=` or be empty, the key may not. */
export function parseLogOpts(pairs: readonly string[]): Record<string, string> {
  const opts: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq > 0 ? pair.slice(0, eq).trim() : '';
    if (key === '') throw new LauncherError('usage', `--log-opt "${pair}" must look like key=value`);
    const flag = FLAG_OWNED_LOG_OPTS[key];
    if (flag !== undefined) throw new LauncherError('usage', `--log-opt ${key} is set by the launcher; use ${flag} instead`);
    opts[key] = pair.slice(eq + 1);
  }
  return opts;
}

function parseEndpoint(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new LauncherError('usage', `--aws-endpoint "${raw}" is not a URL (expected e.g. http://127.0.0.1:4566)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LauncherError('usage', `--aws-endpoint "${raw}" must be an http:// or https:// URL`);
  }
  return raw;
}

function parseStopTimeout(raw: string): number {
  if (!/^\d+$/.test(raw.trim())) throw new LauncherError('usage', `--stop-timeout "${raw}" must be a whole number of seconds`);
  return Number(raw.trim());
}

function parsePull(raw: string): PullPolicy {
  const policy = PULL_POLICIES.find((p) => p === raw);
  if (policy === undefined) throw new LauncherError('usage', `--pull "${raw}" must be one of ${PULL_POLICIES.join(', ')}`);
  return policy;
}

export function resolveRunConfig(flags: RunFlags, env: Env): RunConfig {
  const credentials = resolveCredentialSource(flags, env);
  const endpoint = parseEndpoint(
    nonEmpty(flags.awsEndpoint) ?? nonEmpty(env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS) ?? nonEmpty(env.AWS_ENDPOINT_URL),
  );
  const extraLogOpts = parseLogOpts(flags.logOpt ?? []);
  const pull = parsePull(flags.pull);
  const stopTimeoutSeconds = parseStopTimeout(flags.stopTimeout);
  if (flags.dockerImage.trim() === '') throw new LauncherError('usage', '--docker-image must not be empty');

  const groupProblem = groupNameProblem(flags.awsCloudwatchGroup);
  if (groupProblem) throw new LauncherError('invalidName', `log group name "${flags.awsCloudwatchGroup}" is invalid: ${groupProblem} (allowed: 1-512 of A-Z a-z 0-9 . - _ / #, not starting with aws/)`);
  const streamProblem = streamNameProblem(flags.awsCloudwatchStream);
  if (streamProblem) throw new LauncherError('invalidName', `log stream name "${flags.awsCloudwatchStream}" is invalid: ${streamProblem} (allowed: 1-512 characters without ':' or '*')`);

  const target = credentials.kind === 'none' && endpoint === undefined ? 'embedded' : 'aws';
  const requested = nonEmpty(flags.awsRegion) ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
  const region = requested ?? (target === 'embedded' ? EMBEDDED_REGION : undefined);
  if (region === undefined) {
    throw new LauncherError('noRegion', 'no AWS region: pass --aws-region or set AWS_REGION');
  }
  if (!isRegionCode(region)) throw new LauncherError('usage', `region "${region}" is not an AWS region code (e.g. us-east-1)`);

  return {
    image: flags.dockerImage,
    command: flags.bashCommand,
    group: flags.awsCloudwatchGroup,
    stream: flags.awsCloudwatchStream,
    target,
    region,
    ...(endpoint !== undefined ? { endpoint } : {}),
    credentials,
    extraLogOpts,
    pull,
    plugin: nonEmpty(flags.plugin) ?? nonEmpty(env.PLUGIN_NAME) ?? DEFAULT_PLUGIN,
    assumeYes: flags.yes ?? false,
    stopTimeoutSeconds,
    ...(nonEmpty(flags.network) !== undefined ? { network: flags.network } : {}),
    init: flags.init,
  };
}
