import { InvalidOptionError } from '../errors';
import type { DriverOptions } from '../options/driver-options';
import type { EventSink } from '../pipeline-sink';
import { globalByteBudget } from './byte-budget';
import { ClientFactory } from './client-factory';
import { checkCredentials } from './credentials-check';
import { Destination } from './destination';
import { regionFromInstanceMetadata, resolveRegion } from './region';
import { ResourceCache } from './resource-cache';
import { senderTuning } from './sender-tuning';
import { StreamSender } from './stream-sender';

/** Process-wide: one client per (region, endpoint, credentials, format), one memory of existing groups/streams. */
const clients = new ClientFactory();
const resources = new ResourceCache();
let instanceRegion: Promise<string | undefined> | undefined;

/** Option → AWS_REGION → IMDS; a found IMDS region is remembered, a miss is asked again next time. */
function regionOf(option: string | undefined): Promise<string | undefined> {
  return resolveRegion(option, process.env, () => {
    instanceRegion ??= regionFromInstanceMetadata().then((r) => {
      if (!r) instanceRegion = undefined;
      return r;
    });
    return instanceRegion;
  });
}

/**
 * The local checks that must fail `docker run` (issue 3 item 5: only invalid configuration may): a region must be
 * known and credentials must resolve (issue 4 item 6). No CloudWatch call is made.
 */
export async function preflight(options: DriverOptions): Promise<void> {
  const region = await regionOf(options.region);
  if (!region) {
    throw new InvalidOptionError('awslogs-region', "cannot determine region for awslogs driver: set log opt 'awslogs-region' or the plugin's AWS_REGION");
  }
  const { endpoint, credentialsProfile, credentialsEndpoint, format } = options;
  const client = clients.get({ region, endpoint, credentialsProfile, credentialsEndpoint, format });
  await checkCredentials(client, { profile: credentialsProfile, endpoint: credentialsEndpoint });
}

/** The sink a session writes its events to. No network activity until the first event arrives. */
export function createSink(options: DriverOptions, ctx: { containerId: string; containerName: string }): EventSink {
  return new StreamSender({
    destination: new Destination(options, { clients, resources, resolveRegion: regionOf }),
    budget: globalByteBudget,
    tuning: senderTuning(options),
    containerId: ctx.containerId,
    retentionDays: options.retentionDays,
  });
}

/** Close every cached client's sockets (plugin shutdown, after the sessions' close deadlines). */
export function shutdownClients(): void {
  clients.destroyAll();
}
