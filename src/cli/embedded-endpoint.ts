import { LocalEndpoint } from '../local-endpoint';
import type { Destination } from './destination';
import type { Reporter } from './reporter';

/**
 * The embedded default (issue 5 §5): with no credentials and no endpoint the launcher hosts the project's local
 * CloudWatch Logs endpoint on loopback, points the driver at it (the plugin runs in the host network namespace, so
 * 127.0.0.1 reaches it), prints what lands like `aws logs tail --follow`, and sums up at the end.
 *
 * Tail lines go to stderr with a `[cloudwatch]` tag: the container's stdout stays byte-exact on stdout, and a landed
 * event is never mistaken for a line the container wrote.
 */

export const TAIL_TAG = '[cloudwatch]';

/** `aws logs tail` layout: `<ISO timestamp> <stream> <message>`, behind our tag. Pure. */
export function formatTailLine(stream: string, event: { timestamp: number; message: string }): string {
  return `${TAIL_TAG} ${new Date(event.timestamp).toISOString()} ${stream} ${event.message}`;
}

export interface EndpointSummary {
  readonly events: number;
  readonly bytes: number;
  readonly batches: number;
}

export function formatSummary(summary: EndpointSummary): string {
  const events = `${summary.events} event${summary.events === 1 ? '' : 's'}`;
  const batches = `${summary.batches} batch${summary.batches === 1 ? '' : 'es'}`;
  return `embedded endpoint received ${events}, ${summary.bytes} bytes, in ${batches}`;
}

export class EmbeddedDestination implements Destination {
  private constructor(
    private readonly endpoint: LocalEndpoint,
    private readonly group: string,
    private readonly stream: string,
    private readonly unsubscribe: () => void,
  ) {}

  static async start(group: string, stream: string, reporter: Reporter): Promise<EmbeddedDestination> {
    const endpoint = await LocalEndpoint.start({ host: '127.0.0.1', port: 0 });
    const unsubscribe = endpoint.onPut((g, s, events) => {
      if (g !== group || s !== stream) return;
      for (const event of events) reporter.landed(formatTailLine(s, event));
    });
    reporter.info(`no AWS credentials or endpoint given: shipping to the embedded CloudWatch Logs endpoint at ${endpoint.url}`);
    return new EmbeddedDestination(endpoint, group, stream, unsubscribe);
  }

  get url(): string {
    return this.endpoint.url;
  }

  async delivered(): Promise<number> {
    return this.endpoint.events(this.group, this.stream).length;
  }

  summary(): EndpointSummary {
    const batches = this.endpoint.batches().filter((b) => b.group === this.group && b.stream === this.stream);
    return {
      events: this.endpoint.events(this.group, this.stream).length,
      bytes: batches.reduce((n, b) => n + b.bytes, 0),
      batches: batches.length,
    };
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.endpoint.close();
  }
}
