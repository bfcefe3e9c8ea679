import { DcwError } from '../errors';
import { EXIT_CODES, type ExitCodeName } from './exit-codes';

/**
 * A launcher failure the user can act on. `main` prints only `message` (one line, no stack) and exits with the
 * class's code from EXIT_CODES. `code` is the stable string callers and tests branch on.
 */
export class LauncherError extends DcwError {
  readonly kind: ExitCodeName;
  readonly exitCode: number;
  constructor(kind: ExitCodeName, message: string, options?: { cause?: unknown }) {
    super(`DCW_CLI_${kind.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`, message, options);
    this.kind = kind;
    this.exitCode = EXIT_CODES[kind];
  }
}

/** The first line of an error's message: Docker's messages can span lines and users get one line per error. */
export function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text.split('\n').find((l) => l.trim() !== '') ?? text).trim();
}

/** HTTP status carried by dockerode/docker-modem errors (`statusCode`), if any. */
export function dockerStatus(err: unknown): number | undefined {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Docker's own message text from a modem error (`json.message`), falling back to the error message. */
export function dockerMessage(err: unknown): string {
  const json = (err as { json?: { message?: unknown } } | null)?.json;
  if (json && typeof json.message === 'string') return firstLine(json.message);
  return firstLine(err);
}
