#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { log } from '../observability/log';
import { EXIT_CODES, EXIT_CODE_HELP, type ExitCodeName } from './exit-codes';
import { LauncherError, firstLine } from './errors';
import { findProjectRoot } from './plugin-setup';
import { streamReporter } from './reporter';
import { runCommand } from './run-command';
import {
  DEFAULT_COMMAND, DEFAULT_GROUP, DEFAULT_IMAGE, DEFAULT_PLUGIN, DEFAULT_STOP_TIMEOUT_SECONDS, DEFAULT_STREAM,
  PULL_POLICIES, resolveRunConfig, type RunFlags,
} from './run-options';

/** The `docker-cloudwatch` bin: commander program and process entry. */

const EXAMPLES = `
Examples:
  # No AWS account needed: ships to an embedded local CloudWatch Logs endpoint and shows what lands
  $ docker-cloudwatch run --docker-image busybox --bash-command 'for i in $(seq 1 5); do echo line $i; done'

  # Ship to AWS; keys from the environment (or AWS_PROFILE), never on the command line
  $ AWS_PROFILE=dev docker-cloudwatch run --aws-region eu-west-1 --aws-cloudwatch-group my-app

  # Extra driver options, and no network for the container
  $ docker-cloudwatch run --log-opt awslogs-retention-days=7 --network none`;

const HOW_IT_WORKS = `
Default --bash-command:
  ${DEFAULT_COMMAND}

How it runs:
  The command runs under \`bash -c\` when the image has bash, else \`sh -c\` (decided inside the container by a tiny
  sh wrapper; the image's ENTRYPOINT is replaced). Output is streamed here while the plugin ships it.
  Credentials reach the plugin as a temporary profile in its mounted credentials file (mode 0600), removed on exit;
  only the profile name appears in \`docker inspect\`.
  Ctrl-C or SIGTERM stops the container (SIGTERM, then SIGKILL after --stop-timeout), waits until every printed
  line was delivered and reports the count. A second Ctrl-C kills the container and exits at once.

Environment:
  AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_PROFILE   credentials (flags win)
  AWS_REGION, AWS_DEFAULT_REGION                                          region when --aws-region is absent
  AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, AWS_ENDPOINT_URL                      endpoint when --aws-endpoint is absent
  DOCKER_HOST                                                             the Docker Engine to use
  PLUGIN_NAME                                                             plugin name when --plugin is absent`;

export function exitCodeHelp(): string {
  const rows = (Object.keys(EXIT_CODES) as ExitCodeName[])
    .map((name) => `  ${String(EXIT_CODES[name]).padStart(3)}  ${EXIT_CODE_HELP[name]}`)
    .join('\n');
  return `\nExit codes:\n  any  the container's own exit code when it ran to completion\n${rows}`;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export interface ProgramOutput {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

export function buildProgram(onRun: (flags: RunFlags) => Promise<void>, output?: ProgramOutput): Command {
  const program = new Command('docker-cloudwatch')
    .description('Run a container whose output ships to CloudWatch Logs through the docker-cloudwatch logging plugin')
    .showHelpAfterError('(add --help for usage)');
  program
    .command('run')
    .description('run an image with a shell command, shipping every line it prints to CloudWatch Logs')
    .option('--docker-image <image>', 'image to run', DEFAULT_IMAGE)
    .addOption(
      new Option('--bash-command <command>', 'command to run under bash -c (sh -c without bash)').default(
        DEFAULT_COMMAND,
        'pip install tqdm, then print a counter every 0.1 s',
      ),
    )
    .option('--aws-cloudwatch-group <name>', 'log group (created if missing)', DEFAULT_GROUP)
    .option('--aws-cloudwatch-stream <name>', 'log stream', DEFAULT_STREAM)
    .option('--aws-access-key-id <id>', 'AWS access key id (prefer AWS_ACCESS_KEY_ID or AWS_PROFILE)')
    .option('--aws-secret-access-key <secret>', 'AWS secret access key (prefer AWS_SECRET_ACCESS_KEY or AWS_PROFILE)')
    .option('--aws-region <region>', 'AWS region; required when shipping to AWS unless AWS_REGION is set')
    .option('--aws-endpoint <url>', 'CloudWatch Logs endpoint URL (e.g. a local emulator)')
    .option('--log-opt <key=value>', 'extra logging driver option, repeatable', collect)
    .addOption(new Option('--pull <policy>', 'pull the image before running').choices(PULL_POLICIES).default('missing'))
    .option('--network <mode>', "container network (default: Docker's default)")
    .option('--plugin <name>', `logging plugin name (default: $PLUGIN_NAME or "${DEFAULT_PLUGIN}")`)
    .option('-y, --yes', 'install the plugin from the local build without asking if it is missing')
    .option('--stop-timeout <seconds>', 'grace period between SIGTERM and SIGKILL on interrupt', String(DEFAULT_STOP_TIMEOUT_SECONDS))
    .option('--no-init', "don't run docker-init as PID 1 (it forwards SIGTERM to the command)")
    .addHelpText('after', `${EXAMPLES}\n${HOW_IT_WORKS}\n${exitCodeHelp()}`)
    .action(async (flags: RunFlags) => onRun(flags));
  for (const command of [program, ...program.commands]) {
    command.exitOverride();
    if (output) command.configureOutput(output);
  }
  return program;
}

export async function main(argv: readonly string[] = process.argv): Promise<number> {
  // The launcher's stdout carries the container's output byte for byte: shared modules (the embedded endpoint) log
  // only errors here, and pino sends those to stderr (observability/log.ts).
  log.level = process.env.LOG_LEVEL ?? 'error';
  const reporter = streamReporter(process.stderr);
  let code: number = EXIT_CODES.internal;
  const program = buildProgram(async (flags) => {
    const config = resolveRunConfig(flags, process.env);
    code = await runCommand(config, {
      reporter,
      stdout: process.stdout,
      stderr: process.stderr,
      interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
      projectRoot: findProjectRoot() ?? process.cwd(),
      exit: (c) => process.exit(c),
    });
  });
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : EXIT_CODES.usage;
    if (err instanceof LauncherError) {
      reporter.error(err.message);
      return err.exitCode;
    }
    reporter.error(`unexpected: ${firstLine(err)}`);
    return EXIT_CODES.internal;
  }
}

if (require.main === module) {
  void main().then((code) => process.exit(code));
}
