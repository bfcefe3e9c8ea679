import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP proxy in front of the local CloudWatch endpoint that keeps what the LocalEndpoint's records do not:
 * the raw request body (so messages can be compared as the bytes a driver put on the wire, before any UTF-8
 * decoding by the endpoint) and the SigV4 access key id of each call (for per-container credential tests).
 * Requests and responses are forwarded unchanged.
 */
export interface RecordedRequest {
  /** From `X-Amz-Target: Logs_20140328.<Op>`; '' when absent. */
  readonly operation: string;
  /** From `Authorization: AWS4-HMAC-SHA256 Credential=<AKID>/…`; '' when unsigned. */
  readonly accessKeyId: string;
  readonly body: Buffer;
}

/** One event of a PutLogEvents body, its message as the exact bytes sent. */
export interface WireEvent {
  readonly timestamp: number;
  readonly message: Buffer;
}

export class RecordingProxy {
  readonly requests: RecordedRequest[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(targetUrl: string): Promise<RecordingProxy> {
    const target = new URL(targetUrl);
    let proxy: RecordingProxy | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        proxy!.requests.push({ operation: operationOf(req.headers), accessKeyId: accessKeyOf(req.headers), body });
        const upstream = request(
          { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        upstream.on('error', () => res.destroy());
        upstream.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new RecordingProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return proxy;
  }

  /**
   * Events sent to one stream by accepted-or-not PutLogEvents calls, in call order, with their raw message bytes.
   * The body is parsed as latin1 so each byte survives JSON.parse as one code unit, whatever its UTF-8 validity.
   * `\uXXXX` escapes above U+00FF are re-encoded as UTF-8; one in U+0080–U+00FF would be misread as a raw byte,
   * but neither SDK writes those (Go's SDK v1 and JSON.stringify escape only control characters and, in JS, lone
   * surrogates).
   */
  wireEvents(group: string, stream: string): WireEvent[] {
    const out: WireEvent[] = [];
    for (const r of this.requests) {
      if (r.operation !== 'PutLogEvents') continue;
      const body = JSON.parse(r.body.toString('latin1')) as { logGroupName: string; logStreamName: string; logEvents: { timestamp: number; message: string }[] };
      if (body.logGroupName !== group || body.logStreamName !== stream) continue;
      for (const e of body.logEvents) out.push({ timestamp: e.timestamp, message: latin1ToBytes(e.message) });
    }
    return out;
  }

  /** Access key ids that signed calls naming this group (in the JSON body), deduplicated. */
  accessKeysFor(group: string): string[] {
    const keys = new Set<string>();
    for (const r of this.requests) {
      if (r.body.length === 0) continue;
      const body = JSON.parse(r.body.toString('utf8')) as { logGroupName?: string };
      if (body.logGroupName === group) keys.add(r.accessKeyId);
    }
    return [...keys];
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

function operationOf(h: IncomingHttpHeaders): string {
  const target = String(h['x-amz-target'] ?? '');
  return target.slice(target.indexOf('.') + 1);
}

function accessKeyOf(h: IncomingHttpHeaders): string {
  return /Credential=([^/,\s]+)\//.exec(String(h.authorization ?? ''))?.[1] ?? '';
}

/** Code units ≤ 0xFF are raw body bytes; larger ones came from a `\uXXXX` escape and are UTF-8 encoded. */
function latin1ToBytes(s: string): Buffer {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) <= 0xff) continue;
    parts.push(Buffer.from(s.slice(start, i), 'latin1'));
    let j = i;
    while (j < s.length && s.charCodeAt(j) > 0xff) j++;
    parts.push(Buffer.from(s.slice(i, j), 'utf8'));
    start = j;
    i = j - 1;
  }
  parts.push(Buffer.from(s.slice(start), 'latin1'));
  return Buffer.concat(parts);
}
