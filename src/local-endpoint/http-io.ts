/** Small node:http helpers shared by the AWS surface and the test hooks. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Reads the whole body, or resolves undefined once it passes `limit` bytes (the rest is drained, not kept). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

/**
 * Writes a complete response. `Connection: keep-alive` is set explicitly because then Node does not add its
 * `Keep-Alive: timeout=N` hint: the real service sends no such hint, and a client that reads it would never hit the
 * idle-close race the endpoint is meant to reproduce (rules §7 "Keep-alive").
 */
export function send(
  req: IncomingMessage, res: ServerResponse, status: number, body: string, headers: Record<string, string>,
): void {
  if (res.destroyed || res.headersSent) return;
  const wantsClose = /\bclose\b/i.test(req.headers.connection ?? '');
  res.writeHead(status, {
    ...headers,
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: wantsClose ? 'close' : 'keep-alive',
  });
  res.end(body);
}

export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown): void {
  send(req, res, status, JSON.stringify(value), { 'Content-Type': 'application/json' });
}

/** Drops the connection with a TCP RST, which clients see as ECONNRESET. */
export function resetConnection(req: IncomingMessage): void {
  req.socket.resetAndDestroy();
}

export function delay(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      timers.delete(t);
      resolve();
    }, ms);
    timers.add(t);
  });
}
