import type { ContainerInfo } from './container-info';

/**
 * What the protocol server needs from the driver: a tiny interface (like moby's logger.Logger), so the
 * HTTP shell can be tested with a fake and the driver without HTTP.
 */
export interface LogDriver {
  /** Validate options and start reading `file`. Throws (with a user-facing message) to fail `docker run`. */
  startLogging(file: string, info: ContainerInfo): Promise<void>;
  /** "No more writes": must return at once; draining continues in the background. */
  stopLogging(file: string): void;
  capabilities(): { readonly ReadLogs: boolean };
}
