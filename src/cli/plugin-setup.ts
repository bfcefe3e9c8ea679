import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import type Docker from 'dockerode';
import { LauncherError, dockerMessage, dockerStatus } from './errors';
import type { Reporter } from './reporter';

/**
 * Makes sure the logging plugin is installed and enabled (issue 5 §2). A missing plugin is installed from the local
 * build by scripts/build-plugin.sh, after a y/N question on a TTY, or straight away with --yes; without a TTY and
 * without --yes the launcher refuses rather than guessing.
 */

/** The plugin mount whose host directory holds the shared credentials file (config.json `mounts`). */
export const AWS_MOUNT_NAME = 'aws';
export const BUILD_SCRIPT = path.join('scripts', 'build-plugin.sh');
/** Seconds the daemon may take to start the plugin's process at enable. */
const ENABLE_TIMEOUT_SECONDS = 30;

export interface PluginSetupOptions {
  readonly name: string;
  readonly assumeYes: boolean;
  readonly interactive: boolean;
  readonly projectRoot: string;
  readonly reporter: Reporter;
}

export interface ReadyPlugin {
  readonly name: string;
  /** Host directory bound at /etc/docker-cloudwatch/aws inside the plugin; undefined if the plugin has no such mount. */
  readonly awsMountSource?: string;
}

async function inspectPlugin(docker: Docker, name: string): Promise<Docker.PluginInspectInfo | undefined> {
  try {
    return await docker.getPlugin(name, undefined).inspect();
  } catch (err) {
    if (dockerStatus(err) === 404) return undefined;
    throw new LauncherError('dockerUnreachable', `Docker did not answer about plugin ${name}: ${dockerMessage(err)}`, { cause: err });
  }
}

/** Walks up from this file to the directory with the project's package.json (works from dist/ and dist-test/). */
export function findProjectRoot(start: string = __dirname): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === 'docker-cloudwatch') return dir;
    } catch {
      // no package.json here: keep walking up
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function askYesNo(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  return new Promise((resolve) => {
    rl.question(`${question} [y/N] `, (answer) => {
      rl.close();
      resolve(/^y(es)?$/i.test(answer.trim()));
    });
    rl.on('SIGINT', () => {
      rl.close();
      resolve(false);
    });
  });
}

/** Runs the build script, forwarding its progress lines; secrets are never in its environment beyond the user's own. */
function runBuildScript(script: string, name: string, reporter: Reporter): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [script], {
      cwd: path.dirname(path.dirname(script)),
      env: { ...process.env, PLUGIN_NAME: name },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => reporter.progress(line));
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${BUILD_SCRIPT} exited with ${signal ?? `code ${code}`}`));
    });
  });
}

async function install(docker: Docker, options: PluginSetupOptions): Promise<void> {
  const { name, reporter } = options;
  const script = path.join(options.projectRoot, BUILD_SCRIPT);
  if (!fs.existsSync(script)) {
    throw new LauncherError('pluginMissing', `logging plugin "${name}" is not installed and ${script} is not there to build it`);
  }
  reporter.info(`installing logging plugin "${name}" from the local build (${BUILD_SCRIPT})`);
  try {
    await runBuildScript(script, name, reporter);
  } catch (err) {
    throw new LauncherError('pluginFailed', `installing logging plugin "${name}" failed: ${dockerMessage(err)}`, { cause: err });
  }
  if ((await inspectPlugin(docker, name)) === undefined) {
    throw new LauncherError('pluginFailed', `${BUILD_SCRIPT} finished but Docker has no plugin "${name}"`);
  }
}

export async function ensurePlugin(docker: Docker, options: PluginSetupOptions): Promise<ReadyPlugin> {
  const { name, reporter } = options;
  let info = await inspectPlugin(docker, name);
  if (info === undefined) {
    const hint = `install it with \`make plugin\` or rerun with --yes`;
    if (!options.assumeYes) {
      if (!options.interactive) throw new LauncherError('pluginMissing', `logging plugin "${name}" is not installed; ${hint}`);
      if (!(await askYesNo(`Logging plugin "${name}" is not installed. Build and install it from ${options.projectRoot}?`))) {
        throw new LauncherError('pluginMissing', `logging plugin "${name}" is not installed; ${hint}`);
      }
    }
    await install(docker, options);
    info = await inspectPlugin(docker, name);
  }
  if (info !== undefined && !info.Enabled) {
    reporter.info(`enabling logging plugin "${name}"`);
    try {
      await docker.getPlugin(name, undefined).enable({ timeout: ENABLE_TIMEOUT_SECONDS });
    } catch (err) {
      throw new LauncherError('pluginFailed', `enabling logging plugin "${name}" failed: ${dockerMessage(err)}`, { cause: err });
    }
  }
  const source = info?.Settings.Mounts.find((m) => m.Name === AWS_MOUNT_NAME)?.Source;
  return { name, ...(source ? { awsMountSource: source } : {}) };
}
