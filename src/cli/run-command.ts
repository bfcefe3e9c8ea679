import type Docker from 'dockerode';
import { CloudWatchDestination, resolveProfileKeys } from './cloudwatch-destination';
import { containerSpec } from './container-spec';
import { RunningContainer, type Sinks } from './container-runner';
import { CredentialsProfile } from './credentials-profile';
import type { ProfileKeys } from './credentials-ini';
import { waitForDelivery } from './delivery-wait';
import type { Destination } from './destination';
import { connectDocker } from './docker-client';
import { EmbeddedDestination, formatSummary } from './embedded-endpoint';
import { LauncherError, firstLine } from './errors';
import { ensureImage } from './image';
import { Interrupts, interruptExitCode, type InterruptSignal } from './interrupts';
import { ensurePlugin } from './plugin-setup';
import type { Reporter } from './reporter';
import type { RunConfig } from './run-options';

/**
 * `docker-cloudwatch run`: the shell around the pure parts. Order matters for failing fast and cheaply:
 * credentials check (AWS only) → Docker → plugin → image → destination → credentials profile → container.
 * Whatever was set up is torn down on every path, and the credentials profile is removed even on a forced exit.
 */

/** Signs requests to the embedded endpoint, which checks the signature's shape but not the keys. Not a secret. */
export const EMBEDDED_KEYS: ProfileKeys = { accessKeyId: 'AKIDDCWEMBEDDED00000', secretAccessKey: 'embedded-endpoint-accepts-any-key' };
/** Upper bound on the wait for delivery after the container stopped (a broken destination must not hang us). */
export const DELIVERY_DEADLINE_MS = 30_000;
const EMBEDDED_POLL_MS = 100;
const AWS_POLL_MS = 1_000;
/** A forced exit still tries to kill and remove the container, but never for longer than this. */
const FORCE_CLEANUP_MS = 3_000;

export interface RunIo extends Sinks {
  readonly reporter: Reporter;
  readonly interactive: boolean;
  readonly projectRoot: string;
  readonly exit: (code: number) => never;
}

async function keysFor(config: RunConfig): Promise<ProfileKeys> {
  switch (config.credentials.kind) {
    case 'static':
      return config.credentials;
    case 'profile':
      return resolveProfileKeys(config.credentials.profile, config.region);
    case 'none':
      return EMBEDDED_KEYS;
  }
}

function writeProfile(dir: string | undefined, plugin: string, keys: ProfileKeys): CredentialsProfile {
  if (dir === undefined) {
    throw new LauncherError('pluginFailed', `logging plugin "${plugin}" has no "aws" mount, so it cannot receive credentials; reinstall it`);
  }
  try {
    return CredentialsProfile.write(dir, keys);
  } catch (err) {
    throw new LauncherError(
      'pluginFailed',
      `cannot write the credentials profile into ${dir} (${(err as NodeJS.ErrnoException).code ?? firstLine(err)}); ` +
        `run as a user who can, or point the mount elsewhere: docker plugin set ${plugin} aws.source=<dir>`,
      { cause: err },
    );
  }
}

export async function runCommand(config: RunConfig, io: RunIo): Promise<number> {
  const { reporter } = io;
  let destination: Destination | undefined;
  let profile: CredentialsProfile | undefined;
  let container: RunningContainer | undefined;

  const forceExit = (signal: InterruptSignal): void => {
    reporter.info('second interrupt: killing the container and exiting now');
    profile?.remove();
    const kill = container ? container.kill().then(() => container?.remove()) : Promise.resolve();
    const timer = setTimeout(() => io.exit(interruptExitCode(signal)), FORCE_CLEANUP_MS);
    void kill.catch(() => undefined).finally(() => {
      clearTimeout(timer);
      io.exit(interruptExitCode(signal));
    });
  };
  const interrupts = new Interrupts({
    onGraceful: (signal) => {
      if (container === undefined) return forceExit(signal); // nothing running yet: nothing to deliver
      reporter.info(`${signal}: stopping the container (SIGTERM, SIGKILL after ${config.stopTimeoutSeconds}s); interrupt again to force`);
      void container.stop(config.stopTimeoutSeconds).catch((err) => reporter.error(`stopping the container: ${firstLine(err)}`));
    },
    onForce: forceExit,
  }).install();

  try {
    const keys = await keysFor(config);
    if (config.target === 'aws') {
      destination = await CloudWatchDestination.connect({
        region: config.region,
        ...(config.endpoint !== undefined ? { endpoint: config.endpoint } : {}),
        keys,
        group: config.group,
        stream: config.stream,
      });
    }
    const docker: Docker = await connectDocker();
    const plugin = await ensurePlugin(docker, {
      name: config.plugin,
      assumeYes: config.assumeYes,
      interactive: io.interactive,
      projectRoot: io.projectRoot,
      reporter,
    });
    await ensureImage(docker, config.image, config.pull, reporter);

    let endpoint = config.endpoint;
    let target: Destination;
    if (destination === undefined) {
      const embedded = await EmbeddedDestination.start(config.group, config.stream, reporter);
      destination = target = embedded;
      endpoint = embedded.url;
    } else {
      target = destination;
    }
    profile = writeProfile(plugin.awsMountSource, config.plugin, keys);
    const spec = containerSpec(config, {
      ...(endpoint !== undefined ? { endpoint } : {}),
      credentialsProfile: profile.name,
    });
    reporter.info(`running ${config.image} with logging plugin "${config.plugin}" → ${config.group}/${config.stream}`);
    container = await RunningContainer.start(docker, spec, io);
    const exitCode = await container.exited();
    return await finish(config, io, container, target, exitCode, interrupts.signal);
  } finally {
    interrupts.dispose();
    await container?.remove().catch((err) => reporter.error(`removing the container: ${firstLine(err)}`));
    profile?.remove();
    await destination?.close().catch(() => undefined);
  }
}

async function finish(
  config: RunConfig,
  io: RunIo,
  container: RunningContainer,
  destination: Destination,
  exitCode: number,
  signal: InterruptSignal | undefined,
): Promise<number> {
  const { reporter } = io;
  const expected = container.lines;
  const result = await waitForDelivery({
    expected,
    count: () => destination.delivered(),
    deadlineMs: DELIVERY_DEADLINE_MS,
    pollMs: config.target === 'embedded' ? EMBEDDED_POLL_MS : AWS_POLL_MS,
  });
  const where = `${config.group}/${config.stream}`;
  if (result.delivered === undefined) {
    reporter.info(`${expected} lines printed; could not read ${where} back to check delivery: ${firstLine(result.error)}`);
  } else {
    const delivered = Math.min(result.delivered, expected);
    const note = result.complete ? '' : ` (gave up waiting after ${DELIVERY_DEADLINE_MS / 1000}s)`;
    reporter.info(`${delivered} of ${expected} lines delivered to ${where}${note}`);
  }
  if (destination instanceof EmbeddedDestination) reporter.info(formatSummary(destination.summary()));
  if (signal !== undefined) return interruptExitCode(signal);
  reporter.info(`container exited with code ${exitCode}`);
  return exitCode;
}
