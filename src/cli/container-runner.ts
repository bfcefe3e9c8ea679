import type Docker from 'dockerode';
import { Writable } from 'node:stream';
import { LauncherError, dockerMessage, dockerStatus } from './errors';
import { LineCounter } from './line-counter';

/**
 * Creates, attaches to and starts the container, streaming its stdout/stderr to ours while counting the lines the
 * driver will turn into events. Attaching before start (as `docker run` does) guarantees no early output is missed.
 */

/** How long to wait for the attach stream to drain after the container exited. */
const ATTACH_DRAIN_MS = 5_000;

export interface Sinks {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

function countingSink(target: NodeJS.WritableStream, counter: LineCounter): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      counter.push(chunk);
      target.write(chunk);
      callback();
    },
  });
}

export class RunningContainer {
  private readonly stdoutLines = new LineCounter();
  private readonly stderrLines = new LineCounter();
  private attachEnded!: Promise<void>;

  private constructor(private readonly container: Docker.Container) {}

  get id(): string {
    return this.container.id;
  }

  /** Non-empty lines printed so far on stdout and stderr together. */
  get lines(): number {
    return this.stdoutLines.lines + this.stderrLines.lines;
  }

  static async start(docker: Docker, spec: Docker.ContainerCreateOptions, sinks: Sinks): Promise<RunningContainer> {
    let container: Docker.Container;
    try {
      container = await docker.createContainer(spec);
    } catch (err) {
      throw new LauncherError('containerFailed', `Docker could not create the container: ${dockerMessage(err)}`, { cause: err });
    }
    const running = new RunningContainer(container);
    let stream: NodeJS.ReadableStream;
    try {
      stream = await container.attach({ stream: true, stdout: true, stderr: true });
    } catch (err) {
      await running.remove();
      throw new LauncherError('containerFailed', `Docker could not attach to the container: ${dockerMessage(err)}`, { cause: err });
    }
    running.attachEnded = new Promise((resolve) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', () => resolve());
    });
    docker.modem.demuxStream(stream, countingSink(sinks.stdout, running.stdoutLines), countingSink(sinks.stderr, running.stderrLines));
    try {
      await container.start();
    } catch (err) {
      (stream as unknown as { destroy?: () => void }).destroy?.();
      await running.remove();
      throw new LauncherError('containerFailed', `Docker could not start the container: ${dockerMessage(err)}`, { cause: err });
    }
    return running;
  }

  /** Resolves with the exit code once the container stopped and its output was read to the end. */
  async exited(): Promise<number> {
    const result = (await this.container.wait({ condition: 'not-running' })) as { StatusCode?: number };
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.attachEnded, new Promise((resolve) => (timer = setTimeout(resolve, ATTACH_DRAIN_MS)))]);
    clearTimeout(timer);
    return result.StatusCode ?? 0;
  }

  /** `docker stop -t`: SIGTERM, then SIGKILL after the grace period. Already stopped is fine. */
  async stop(timeoutSeconds: number): Promise<void> {
    try {
      await this.container.stop({ t: timeoutSeconds });
    } catch (err) {
      if (dockerStatus(err) !== 304 && dockerStatus(err) !== 404) throw err;
    }
  }

  async kill(): Promise<void> {
    try {
      await this.container.kill();
    } catch (err) {
      if (dockerStatus(err) !== 409 && dockerStatus(err) !== 404) throw err;
    }
  }

  async remove(): Promise<void> {
    try {
      await this.container.remove({ force: true });
    } catch (err) {
      if (dockerStatus(err) !== 404 && dockerStatus(err) !== 409) throw err;
    }
  }
}
