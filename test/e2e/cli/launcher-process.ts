import { spawn } from 'node:child_process';
import * as path from 'node:path';

/** Runs the built launcher (dist-test/src/cli/main.js) as a child process, as a user would. */
export const CLI = path.join(__dirname, '..', '..', '..', 'src', 'cli', 'main.js');

/** The child's environment: ours minus anything that would change the launcher's choices, plus `env`. */
export function cleanEnv(env: Readonly<Record<string, string | undefined>> = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('AWS_') && key !== 'PLUGIN_NAME') base[key] = value;
  }
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return base;
}

export interface LauncherResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Launcher {
  readonly pid: number;
  readonly done: Promise<LauncherResult>;
  stdout(): string;
  stderr(): string;
  kill(signal: NodeJS.Signals): void;
}

export function startLauncher(args: readonly string[], env: NodeJS.ProcessEnv = cleanEnv(), timeoutMs = 60_000): Launcher {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // A hung launcher must fail its test, not the whole run.
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<LauncherResult>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { pid: child.pid!, done, stdout: () => stdout, stderr: () => stderr, kill: (s) => child.kill(s) };
}

export function runLauncher(args: readonly string[], env?: NodeJS.ProcessEnv, timeoutMs?: number): Promise<LauncherResult> {
  return startLauncher(args, env, timeoutMs).done;
}

/** Messages of the `[cloudwatch] <time> <stream> <message>` tail lines the embedded endpoint printed. */
export function landedMessages(stderr: string, stream: string): string[] {
  const prefix = new RegExp(`^\\[cloudwatch\\] \\S+ ${stream.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `);
  return stderr
    .split('\n')
    .filter((line) => prefix.test(line))
    .map((line) => line.replace(prefix, ''));
}

export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}
