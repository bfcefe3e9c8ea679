import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A minimal CloudWatch Logs endpoint for the sender's tests: real HTTP on 127.0.0.1, AWS JSON 1.1 routed on
 * X-Amz-Target, the PutLogEvents validations that matter to a sender (cloudwatch-logs-rules.md §6), and a hook to
 * inject faults. Test-only; the full emulator lives in src/local-endpoint/.
 */

export interface StoredEvent {
  readonly timestamp: number;
  readonly message: string;
}

export interface RecordedCall {
  readonly op: string;
  readonly body: Record<string, unknown>;
  readonly headers: http.IncomingHttpHeaders;
}

export type Fault =
  | { readonly kind: 'error'; readonly status: number; readonly type: string }
  | { readonly kind: 'reset' }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'respond'; readonly body: Record<string, unknown> };

export type FaultHook = (op: string, body: Record<string, unknown>, call: number) => Fault | undefined;

const MAX_BATCH_BYTES = 1_048_576;

export class FakeLogsServer {
  readonly calls: RecordedCall[] = [];
  /** group → stream → events */
  readonly groups = new Map<string, Map<string, StoredEvent[]>>();
  hook?: FaultHook;
  private readonly sockets = new Set<Socket>();
  private server: http.Server;
  private port = 0;

  private constructor() {
    this.server = this.makeServer();
  }

  static async start(): Promise<FakeLogsServer> {
    const s = new FakeLogsServer();
    await s.listen();
    return s;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  callsOf(op: string): RecordedCall[] {
    return this.calls.filter((c) => c.op === op);
  }

  messages(group: string, stream: string): string[] {
    return (this.groups.get(group)?.get(stream) ?? []).map((e) => e.message);
  }

  /** Stop listening and cut every connection: clients get ECONNREFUSED / ECONNRESET until `up()`. */
  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Listen again on the same port. */
  async up(): Promise<void> {
    this.server = this.makeServer();
    await this.listen();
  }

  async stop(): Promise<void> {
    if (this.server.listening) await this.down();
  }

  private listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private makeServer(): http.Server {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => void this.handle(req, res, Buffer.concat(chunks)));
    });
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    return server;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer): Promise<void> {
    const op = String(req.headers['x-amz-target'] ?? '').replace('Logs_20140328.', '');
    const body = (raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {}) as Record<string, unknown>;
    this.calls.push({ op, body, headers: req.headers });
    const fault = this.hook?.(op, body, this.calls.length);
    if (fault?.kind === 'reset') return void req.socket.destroy();
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'error') return this.send(res, fault.status, { __type: fault.type, message: 'injected' });
    if (fault?.kind === 'respond') return this.send(res, 200, fault.body);
    const [status, out] = this.apply(op, body);
    this.send(res, status, out);
  }

  private send(res: http.ServerResponse, status: number, body: Record<string, unknown>): void {
    if (res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${this.calls.length}`, 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  private apply(op: string, b: Record<string, unknown>): [number, Record<string, unknown>] {
    const err = (type: string, message = type): [number, Record<string, unknown>] => [400, { __type: type, message }];
    const group = String(b.logGroupName ?? '');
    const streams = this.groups.get(group);
    switch (op) {
      case 'CreateLogGroup':
        if (streams) return err('ResourceAlreadyExistsException');
        this.groups.set(group, new Map());
        return [200, {}];
      case 'PutRetentionPolicy':
        return streams ? [200, {}] : err('ResourceNotFoundException');
      case 'CreateLogStream': {
        if (!streams) return err('ResourceNotFoundException', 'The specified log group does not exist.');
        const name = String(b.logStreamName);
        if (streams.has(name)) return err('ResourceAlreadyExistsException');
        streams.set(name, []);
        return [200, {}];
      }
      case 'PutLogEvents': {
        const events = (b.logEvents ?? []) as StoredEvent[];
        if (events.length === 0 || events.length > 10_000) return err('InvalidParameterException', 'event count');
        if (events.some((e) => e.message === '')) return err('InvalidParameterException', 'empty message');
        const stored = streams?.get(String(b.logStreamName));
        if (!stored) return err('ResourceNotFoundException', 'The specified log stream does not exist.');
        const bytes = events.reduce((n, e) => n + Buffer.byteLength(e.message) + 26, 0);
        if (bytes > MAX_BATCH_BYTES) return err('InvalidParameterException', 'batch too large');
        for (let i = 1; i < events.length; i++) {
          if (events[i].timestamp < events[i - 1].timestamp) return err('InvalidParameterException', 'chronological order');
        }
        if (events[events.length - 1].timestamp - events[0].timestamp > 86_400_000) return err('InvalidParameterException', '24 hours');
        stored.push(...events.map((e) => ({ timestamp: e.timestamp, message: e.message })));
        return [200, {}];
      }
      default:
        return err('UnknownOperationException');
    }
  }
}
