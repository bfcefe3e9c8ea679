import { execFile } from 'node:child_process';
import { LocalEndpoint } from '../src/local-endpoint';

/**
 * Throughput and latency against the local CloudWatch endpoint, comparing drivers in ONE run (timings on these
 * machines are ±20 %, so only ratios within a run mean anything; test-machine.md §9).
 *
 *   node dist-test/bench/throughput.js [--lines 100000,1000000] [--drivers none,awslogs,cloudwatch] [--reps 1]
 *
 * Needs DOCKER_HOST, busybox:local and the plugin (scripts/bench.sh sets them up). awslogs reads fake
 * credentials from dockerd's environment (scripts/dockerd-up.sh provides them).
 */
const IMAGE = 'busybox:local';
const LINE = '0123456789012345678901234567890123456789'; // 40 chars + '\n' = 41 bytes, as in test-machine.md §9

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function docker(args: string[]): Promise<{ code: number; ms: number; stderr: string }> {
  const t0 = performance.now();
  return new Promise((resolve) =>
    execFile('docker', args, { maxBuffer: 64 * 1024 * 1024 }, (err, _out, stderr) =>
      resolve({ code: err ? 1 : 0, ms: performance.now() - t0, stderr }),
    ),
  );
}

async function waitCount(ep: LocalEndpoint, group: string, stream: string, n: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (ep.eventCount(group, stream) >= n) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

interface Row { driver: string; lines: number; runMs: number; deliveredMs?: number; complete: boolean; batches?: number; avgFill?: number }

async function measure(ep: LocalEndpoint, driver: string, lines: number, plugin: string): Promise<Row> {
  const group = 'bench';
  const stream = `${driver}-${lines}-${Date.now()}`;
  const logArgs =
    driver === 'none'
      ? ['--log-driver', 'none']
      : ['--log-driver', driver === 'cloudwatch' ? plugin : 'awslogs', '--log-opt', 'awslogs-region=us-east-1', '--log-opt', `awslogs-endpoint=${ep.url}`,
         '--log-opt', `awslogs-group=${group}`, '--log-opt', `awslogs-stream=${stream}`, '--log-opt', 'awslogs-create-group=true'];
  const t0 = performance.now();
  const run = await docker(['run', '--rm', '--pull', 'never', '--network', 'none', ...logArgs, IMAGE, 'sh', '-c', `yes ${LINE} | head -n ${lines}`]);
  if (run.code !== 0) throw new Error(`${driver}: docker run failed: ${run.stderr}`);
  if (driver === 'none') return { driver, lines, runMs: run.ms, complete: true };
  const complete = await waitCount(ep, group, stream, lines, 120_000);
  const deliveredMs = performance.now() - t0;
  const batches = ep.batches().filter((b) => b.stream === stream);
  const avgFill = batches.reduce((s, b) => s + b.count, 0) / Math.max(1, batches.length);
  return { driver, lines, runMs: run.ms, deliveredMs, complete, batches: batches.length, avgFill };
}

async function main(): Promise<void> {
  const lineCounts = arg('lines', '100000,1000000').split(',').map(Number);
  const drivers = arg('drivers', 'none,awslogs,cloudwatch').split(',');
  const reps = Number(arg('reps', '1'));
  const plugin = process.env.DCW_TEST_PLUGIN || 'cloudwatch';
  const ep = await LocalEndpoint.start();
  const rows: Row[] = [];
  try {
    for (const lines of lineCounts)
      for (let r = 0; r < reps; r++)
        for (const d of drivers) {
          const row = await measure(ep, d, lines, plugin);
          rows.push(row);
          console.log(JSON.stringify(row));
        }
  } finally {
    await ep.close();
  }
  console.log('\n| driver | lines | docker run (ms) | all delivered (ms) | complete | batches | avg events/batch |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(`| ${r.driver} | ${r.lines} | ${r.runMs.toFixed(0)} | ${r.deliveredMs?.toFixed(0) ?? '–'} | ${r.complete} | ${r.batches ?? '–'} | ${r.avgFill?.toFixed(0) ?? '–'} |`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
