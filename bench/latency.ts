import { execFile } from 'node:child_process';
import { LocalEndpoint } from '../src/local-endpoint';

/**
 * Delivery latency at a low rate: a container prints 10 lines/s; latency = the endpoint's ingestion time minus the
 * event timestamp (the moment dockerd read the line). Issue 3's goal: p99 under 1.5 s (awslogs can wait 5 s).
 *
 *   node dist-test/bench/latency.js [--seconds 20]
 */
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main(): Promise<void> {
  const seconds = Number(arg('seconds', '20'));
  const plugin = process.env.DCW_TEST_PLUGIN || 'cloudwatch';
  const ep = await LocalEndpoint.start();
  const stream = `latency-${Date.now()}`;
  const lines = seconds * 10;
  try {
    await new Promise<void>((resolve, reject) =>
      execFile('docker', ['run', '--rm', '--pull', 'never', '--network', 'none', '--log-driver', plugin,
        '--log-opt', 'awslogs-region=us-east-1', '--log-opt', `awslogs-endpoint=${ep.url}`, '--log-opt', 'awslogs-group=bench',
        '--log-opt', `awslogs-stream=${stream}`, '--log-opt', 'awslogs-create-group=true',
        'busybox:local', 'sh', '-c', `i=0; while [ $i -lt ${lines} ]; do i=$((i+1)); echo "tick $i"; usleep 100000; done`],
        (err) => (err ? reject(err) : resolve())),
    );
    const deadline = Date.now() + 30_000;
    while (ep.events('bench', stream).length < lines && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const events = ep.events('bench', stream);
    const lat = events.map((e) => e.ingestionTime - e.timestamp).sort((a, b) => a - b);
    const batches = ep.batches().filter((b) => b.stream === stream).length;
    console.log(`latency at 10 lines/s over ${seconds} s: ${events.length}/${lines} events in ${batches} batches; ` +
      `p50 ${quantile(lat, 0.5)} ms, p99 ${quantile(lat, 0.99)} ms, max ${lat[lat.length - 1]} ms`);
  } finally {
    await ep.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
