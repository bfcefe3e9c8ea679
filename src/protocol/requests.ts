import { ProtocolError } from '../errors';
import type { ContainerInfo } from './container-info';

/**
 * Request bodies from dockerd, parsed into types at the edge (docker-logging-protocol.md §2).
 * Keys are PascalCase because Go's encoding/json encodes untagged struct fields that way.
 */
export interface StartLoggingRequest {
  readonly file: string;
  readonly info: ContainerInfo;
}

export interface StopLoggingRequest {
  readonly file: string;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(obj: Json, key: string): string {
  const v = obj[key];
  return typeof v === 'string' ? v : '';
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(v)) return out;
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function requireFile(body: unknown): { obj: Json; file: string } {
  if (!isObject(body)) throw new ProtocolError('request body is not a JSON object');
  const file = body.File;
  if (typeof file !== 'string' || file === '') throw new ProtocolError('request has no "File"');
  return { obj: body, file };
}

/** Only ContainerID is promised by the protocol; every other Info field may be missing (§2.1). */
export function parseStartLogging(body: unknown): StartLoggingRequest {
  const { obj, file } = requireFile(body);
  const info = obj.Info;
  if (!isObject(info)) throw new ProtocolError('StartLogging request has no "Info" object');
  const containerId = str(info, 'ContainerID');
  if (containerId === '') throw new ProtocolError('StartLogging request has no "Info.ContainerID"');
  return {
    file,
    info: {
      config: stringMap(info.Config),
      containerId,
      containerName: str(info, 'ContainerName'),
      entrypoint: str(info, 'ContainerEntrypoint'),
      args: stringList(info.ContainerArgs),
      imageId: str(info, 'ContainerImageID'),
      imageName: str(info, 'ContainerImageName'),
      created: str(info, 'ContainerCreated'),
      env: stringList(info.ContainerEnv),
      labels: stringMap(info.ContainerLabels),
      daemonName: str(info, 'DaemonName') || 'docker',
    },
  };
}

export function parseStopLogging(body: unknown): StopLoggingRequest {
  return { file: requireFile(body).file };
}
