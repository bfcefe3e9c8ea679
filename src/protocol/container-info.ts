/**
 * `Info` from StartLogging (docker-logging-protocol.md §2.1), parsed into a typed value at the edge.
 * Only ContainerID is guaranteed; every other field may be missing and gets a neutral default.
 */
export interface ContainerInfo {
  /** Every --log-opt as given, including Docker's generic ones; the daemon validates none of them. */
  readonly config: Readonly<Record<string, string>>;
  readonly containerId: string; // 64 hex
  readonly containerName: string; // with Docker's leading '/'
  readonly entrypoint: string;
  readonly args: readonly string[];
  readonly imageId: string; // sha256:...
  readonly imageName: string; // as the user typed it
  readonly created: string; // RFC 3339
  readonly env: readonly string[]; // K=V
  readonly labels: Readonly<Record<string, string>>;
  readonly daemonName: string;
}
