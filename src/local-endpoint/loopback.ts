/**
 * The endpoint accepts any credentials, so it must never be reachable from another machine: it binds loopback only
 * (rules §6 "Listen on 127.0.0.1 only"). Any other host is refused before anything listens.
 */
import { isIPv4 } from 'node:net';
import { DcwError } from '../errors';

export const DEFAULT_HOST = '127.0.0.1';

export class NonLoopbackHostError extends DcwError {
  constructor(readonly host: string) {
    super('DCW_ENDPOINT_NOT_LOOPBACK', `The local CloudWatch endpoint binds to loopback only; refusing host '${host}'`);
  }
}

/** Returns the address to bind: 127.0.0.0/8, ::1, or `localhost` (as 127.0.0.1). Throws NonLoopbackHostError otherwise. */
export function loopbackHost(host: string | undefined): string {
  if (host === undefined || host === 'localhost') return DEFAULT_HOST;
  if (isIPv4(host) && host.startsWith('127.')) return host;
  if (host === '::1' || host === '[::1]') return '::1';
  throw new NonLoopbackHostError(host);
}

/** `http://127.0.0.1:4566` or `http://[::1]:4566`. */
export function urlFor(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
