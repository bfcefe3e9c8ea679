import { execFile, spawn } from 'node:child_process';
import type { TestContext } from 'node:test';

/**
 * Access to the private dockerd for end-to-end tests. scripts/test.sh (and .ci/run through it) starts that
 * daemon, imports busybox:local and installs the plugin; tests only use them.
 *
 * When DOCKER_HOST is unset the Docker tests skip, except when DCW_REQUIRE_DOCKER or CI is set: then they fail,
 * so a CI run can never pass with its end-to-end tests skipped.
 */
export const IMAGE = 'busybox:local';
export const PLUGIN = process.env.DCW_TEST_PLUGIN || 'cloudwatch';

export function dockerAvailable(t: TestContext): boolean {
  if (process.env.DOCKER_HOST) return true;
  if (process.env.DCW_REQUIRE_DOCKER || process.env.CI) {
    throw new Error('DOCKER_HOST is not set but Docker end-to-end tests are required (CI / DCW_REQUIRE_DOCKER)');
  }
  t.skip('DOCKER_HOST is not set: run `npm test` (scripts/test.sh) to start a private dockerd');
  return false;
}

export interface ExecResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the docker CLI; never throws on a non-zero exit (tests assert on it). */
export function docker(args: readonly string[], opts: { timeoutMs?: number; input?: string } = {}): Promise<ExecResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = execFile('docker', args, { timeout: opts.timeoutMs ?? 120_000, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

/** `docker run` flags every test container gets: never reach a registry or a network (test-machine.md §6). */
export const SAFE_RUN = ['--pull', 'never', '--network', 'none'] as const;

export function logOpts(opts: Readonly<Record<string, string>>): string[] {
  return Object.entries(opts).flatMap(([k, v]) => ['--log-opt', `${k}=${v}`]);
}

/** Starts a long-running docker command and returns a handle to wait for it. */
export function dockerSpawn(args: readonly string[]): { done: Promise<ExecResult>; kill: (sig?: NodeJS.Signals) => void } {
  const started = performance.now();
  const child = spawn('docker', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<ExecResult>((resolve) =>
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr, ms: performance.now() - started })),
  );
  return { done, kill: (sig = 'SIGTERM') => child.kill(sig) };
}

let counter = 0;
/** A unique, CloudWatch-valid name for a group or stream in this test process. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}
