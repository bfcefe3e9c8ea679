import assert from 'node:assert/strict';
import type { LocalEndpoint } from '../../src/local-endpoint';
import { IMAGE, PLUGIN, SAFE_RUN, docker, logOpts, uniqueName } from './docker';
import type { RecordingProxy, WireEvent } from './recording-proxy';
import { waitFor } from './wait';

/**
 * Runs one shell script twice, through Docker's built-in awslogs and through our plugin, with the same log-opts and
 * the same endpoint (a RecordingProxy in front of a LocalEndpoint), and returns what each driver sent.
 * awslogs needs dockerd to hold (fake) AWS credentials in its environment (scripts/dockerd-up.sh does).
 */
export interface DriverOutput {
  /** Events in arrival order, messages as the exact bytes on the wire. */
  readonly wire: WireEvent[];
  /** The same events as the endpoint stored them (after its UTF-8 decoding). */
  readonly stored: string[];
}

export interface ParityOutput {
  readonly awslogs: DriverOutput;
  readonly ours: DriverOutput;
}

export interface ParityRun {
  /** `sh -c` script run in busybox. */
  readonly script: string;
  /** log-opts given to both drivers (besides region, endpoint, group, stream, create-group). */
  readonly opts?: Readonly<Record<string, string>>;
  /** log-opts given to ours only, e.g. awslogs-max-event-size. */
  readonly oursOpts?: Readonly<Record<string, string>>;
  /** How many events each driver is expected to send; the run waits for them (bounded), then for stragglers. */
  readonly expect: { readonly awslogs: number; readonly ours: number };
}

const DELIVERY_TIMEOUT_MS = 20_000;
/** After the expected count arrived, how long to wait for unexpected extra events before reading. */
const STRAGGLER_MS = 700;

export async function runThroughBoth(ep: LocalEndpoint, proxy: RecordingProxy, run: ParityRun): Promise<ParityOutput> {
  const group = uniqueName('parity');
  const base = { 'awslogs-region': 'us-east-1', 'awslogs-endpoint': proxy.url, 'awslogs-group': group, 'awslogs-create-group': 'true', ...run.opts };
  const start = async (driver: string, stream: string, extra: Readonly<Record<string, string>>): Promise<void> => {
    const r = await docker(['run', '--rm', ...SAFE_RUN, '--log-driver', driver, ...logOpts({ ...base, 'awslogs-stream': stream, ...extra }), IMAGE, 'sh', '-c', run.script], { timeoutMs: 60_000 });
    assert.equal(r.code, 0, `${driver}: ${r.stderr}`);
  };
  await start('awslogs', 'S1', {});
  await start(PLUGIN, 'S2', run.oursOpts ?? {});
  const collect = async (stream: string, expected: number): Promise<DriverOutput> => {
    await waitFor(() => ep.eventCount(group, stream) >= expected, DELIVERY_TIMEOUT_MS);
    await new Promise((r) => setTimeout(r, STRAGGLER_MS));
    return { wire: proxy.wireEvents(group, stream), stored: ep.events(group, stream).map((e) => e.message) };
  };
  return { awslogs: await collect('S1', run.expect.awslogs), ours: await collect('S2', run.expect.ours) };
}

export const sizes = (events: readonly WireEvent[]): number[] => events.map((e) => e.message.length);
export const concat = (events: readonly WireEvent[]): Buffer => Buffer.concat(events.map((e) => e.message));
export const texts = (events: readonly WireEvent[]): string[] => events.map((e) => e.message.toString('utf8'));
