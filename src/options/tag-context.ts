/**
 * The data a `tag` template runs on: Docker's `*logger.Info` (moby daemon/logger/loginfo.go), built from the
 * StartLogging Info. Its exported fields keep their Go names (`{{.ContainerLabels}}`, `{{index .ContainerEnv 0}}`)
 * and its methods give the documented tag fields (docker-logging-protocol.md §3):
 *   .ID / .ImageID  → stringid.TruncateID: drop everything up to ':' ("sha256:"), keep 12 characters;
 *   .FullID / .ImageFullID → as given; .Name → without the leading '/'; .ImageName → as typed;
 *   .Command → entrypoint and args joined by single spaces; .Hostname → the plugin process's hostname.
 */
import type { ContainerInfo } from '../protocol/container-info';
import { GoMap, GoStruct, GoTime, GoValue, NO_SUCH_FIELD } from './template-values';

/** moby's stringid.TruncateID. */
export function truncateId(id: string): string {
  const colon = id.indexOf(':');
  return (colon >= 0 ? id.slice(colon + 1) : id).slice(0, 12);
}

export class TagContext implements GoStruct {
  readonly goTypeName = '*logger.Info';
  private readonly fieldValues: ReadonlyMap<string, GoValue>;
  private readonly methods: ReadonlyMap<string, GoValue>;

  constructor(info: ContainerInfo, hostname: string) {
    this.fieldValues = new Map<string, GoValue>([
      ['Config', new GoMap(new Map(Object.entries(info.config)))],
      ['ContainerID', info.containerId],
      ['ContainerName', info.containerName],
      ['ContainerEntrypoint', info.entrypoint],
      ['ContainerArgs', info.args],
      ['ContainerImageID', info.imageId],
      ['ContainerImageName', info.imageName],
      ['ContainerCreated', new GoTime(info.created)],
      ['ContainerEnv', info.env],
      ['ContainerLabels', new GoMap(new Map(Object.entries(info.labels)))],
      // Always empty for plugins (docker-logging-protocol.md §2.1).
      ['LogPath', ''],
      ['DaemonName', info.daemonName],
    ]);
    this.methods = new Map<string, GoValue>([
      ['ID', truncateId(info.containerId)],
      ['FullID', info.containerId],
      ['Name', info.containerName.startsWith('/') ? info.containerName.slice(1) : info.containerName],
      ['ImageID', truncateId(info.imageId)],
      ['ImageFullID', info.imageId],
      ['ImageName', info.imageName],
      ['Command', [info.entrypoint, ...info.args].join(' ')],
      ['Hostname', hostname],
    ]);
  }

  member(name: string): GoValue | typeof NO_SUCH_FIELD {
    if (this.methods.has(name)) return this.methods.get(name);
    if (this.fieldValues.has(name)) return this.fieldValues.get(name);
    return NO_SUCH_FIELD;
  }

  fields(): readonly (readonly [string, GoValue])[] {
    return [...this.fieldValues.entries()];
  }
}
