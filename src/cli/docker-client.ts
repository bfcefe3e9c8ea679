import Docker from 'dockerode';
import { LauncherError, firstLine } from './errors';

/**
 * The Docker Engine client. dockerode (docker-modem) reads DOCKER_HOST itself (unix://, tcp://, npipe://), exactly
 * as the docker CLI does, so the launcher talks to the same engine the user's `docker` does.
 */

/** A ping answers in milliseconds on a live engine; a dead TCP host must not hang the launcher. */
const PING_TIMEOUT_MS = 5_000;

export function dockerHostLabel(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.DOCKER_HOST && env.DOCKER_HOST !== '' ? env.DOCKER_HOST : 'unix:///var/run/docker.sock';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Creates the client and checks that the engine answers; otherwise a dockerUnreachable LauncherError. */
export async function connectDocker(): Promise<Docker> {
  let docker: Docker;
  try {
    docker = new Docker();
  } catch (err) {
    throw new LauncherError('dockerUnreachable', `Docker is not reachable at ${dockerHostLabel()}: ${firstLine(err)}`, { cause: err });
  }
  try {
    await withTimeout(docker.ping(), PING_TIMEOUT_MS);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? firstLine(err);
    throw new LauncherError(
      'dockerUnreachable',
      `Docker is not reachable at ${dockerHostLabel()} (${reason}); is dockerd running and DOCKER_HOST right?`,
      { cause: err },
    );
  }
  return docker;
}
