import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { docker, type ExecResult } from './docker';

/**
 * A second private dockerd for tests that need their own daemon configuration (daemon.json), beside the one
 * scripts/test.sh runs. Started and stopped with the same scripts (test-machine.md §2), with its own short root
 * under /tmp. Every step is bounded in time; purge() leaves nothing behind.
 */
const REPO = path.resolve(__dirname, '../../..');
const SCRIPT_TIMEOUT_MS = 180_000;

export function runScript(script: string, args: readonly string[], env: Record<string, string>, timeoutMs = SCRIPT_TIMEOUT_MS): Promise<ExecResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile('bash', [path.join(REPO, 'scripts', script), ...args], { cwd: REPO, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

export class PrivateDockerd {
  readonly host: string;

  private constructor(readonly root: string) {
    this.host = `unix://${root}/docker.sock`;
  }

  /** A fresh root, short enough for the 107-byte socket path limit. */
  static create(): PrivateDockerd {
    return new PrivateDockerd(fs.mkdtempSync('/tmp/dj.'));
  }

  /** Environment that points docker, scripts and dockerode at this daemon. */
  get env(): Record<string, string> {
    return { DOCKER_HOST: this.host, DCW_DOCKERD_ROOT: this.root };
  }

  /** Starts dockerd (fails with the log tail if it does not answer); extra dockerd flags go through DCW_DOCKERD_ARGS. */
  async up(dockerdArgs = ''): Promise<void> {
    const r = await runScript('dockerd-up.sh', [], { DCW_DOCKERD_ROOT: this.root, DCW_DOCKERD_ARGS: dockerdArgs });
    if (r.code !== 0) throw new Error(`dockerd-up.sh failed (${r.code}): ${r.stderr}\n${this.logTail()}`);
  }

  /** Stops the daemon: containers killed, TERM, then KILL after 30 s (scripts/dockerd-down.sh). */
  async down(): Promise<void> {
    await runScript('dockerd-down.sh', [this.root], {});
  }

  docker(args: readonly string[], opts: { timeoutMs?: number } = {}): Promise<ExecResult> {
    return docker(['-H', this.host, ...args], opts);
  }

  logTail(lines = 30): string {
    try {
      return fs.readFileSync(path.join(this.root, 'dockerd.log'), 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no dockerd.log)';
    }
  }

  /** down(), then unmount whatever is still mounted below the root (deepest first) and delete it. */
  async purge(): Promise<void> {
    await this.down();
    const mounts = fs
      .readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .map((l) => l.split(' ')[4] ?? '')
      .filter((m) => m.startsWith(`${this.root}/`))
      .sort((a, b) => b.length - a.length);
    for (const m of mounts) {
      await new Promise<void>((resolve) => execFile('umount', ['-l', m], { timeout: 10_000 }, () => resolve()));
    }
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
