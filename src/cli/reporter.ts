/**
 * Everything the launcher itself says goes to stderr with a `docker-cloudwatch:` prefix, so it never mixes with the
 * container's stdout (which passes through byte for byte) and can be told apart from the container's stderr.
 * Secrets are never handed to a Reporter.
 */
export interface Reporter {
  /** A status line: `docker-cloudwatch: <text>`. */
  info(text: string): void;
  /** A progress line from a sub-step (pull, plugin build): `docker-cloudwatch:   <text>`. */
  progress(text: string): void;
  /** An event that landed at the destination, in `aws logs tail` layout. */
  landed(line: string): void;
  /** The one-line error before a non-zero exit. */
  error(text: string): void;
}

export const PREFIX = 'docker-cloudwatch:';

export function streamReporter(out: NodeJS.WritableStream = process.stderr): Reporter {
  return {
    info: (text) => out.write(`${PREFIX} ${text}\n`),
    progress: (text) => out.write(`${PREFIX}   ${text}\n`),
    landed: (line) => out.write(`${line}\n`),
    error: (text) => out.write(`${PREFIX} error: ${text}\n`),
  };
}
