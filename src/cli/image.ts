import type Docker from 'dockerode';
import { LauncherError, dockerMessage, dockerStatus, firstLine } from './errors';
import type { PullPolicy } from './run-options';
import type { Reporter } from './reporter';

/** `docker run --pull` semantics (issue 5): missing → pull only if absent, always → pull, never → fail if absent. */

interface PullEvent {
  status?: string;
  id?: string;
  error?: string;
  errorDetail?: { message?: string };
}

async function isPresent(docker: Docker, image: string): Promise<boolean> {
  try {
    await docker.getImage(image).inspect();
    return true;
  } catch (err) {
    if (dockerStatus(err) === 404) return false;
    throw new LauncherError('dockerUnreachable', `Docker did not answer about image ${image}: ${dockerMessage(err)}`, { cause: err });
  }
}

/** Prints one line per layer state change (not every byte-count update, which would flood the terminal). */
function progressPrinter(reporter: Reporter): (event: PullEvent) => void {
  const lastStatus = new Map<string, string>();
  return (event) => {
    if (event.status === undefined) return;
    const key = event.id ?? '';
    if (lastStatus.get(key) === event.status) return;
    lastStatus.set(key, event.status);
    reporter.progress(event.id ? `${event.id}: ${event.status}` : event.status);
  };
}

async function pull(docker: Docker, image: string, reporter: Reporter): Promise<void> {
  reporter.info(`pulling ${image}`);
  try {
    const stream = await docker.pull(image);
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(
        stream,
        (err: unknown, events: PullEvent[]) => {
          const failed = events?.find((e) => e.error !== undefined || e.errorDetail !== undefined);
          if (err) reject(err);
          else if (failed) reject(new Error(failed.errorDetail?.message ?? failed.error ?? 'pull failed'));
          else resolve();
        },
        progressPrinter(reporter),
      );
    });
  } catch (err) {
    throw new LauncherError('pullFailed', `pulling ${image} failed: ${firstLine(dockerMessage(err))}`, { cause: err });
  }
}

export async function ensureImage(docker: Docker, image: string, policy: PullPolicy, reporter: Reporter): Promise<void> {
  if (policy === 'always') return pull(docker, image, reporter);
  if (await isPresent(docker, image)) return;
  if (policy === 'never') throw new LauncherError('imageMissing', `image ${image} is not present and --pull never forbids pulling it`);
  await pull(docker, image, reporter);
}
