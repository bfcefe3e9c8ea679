/**
 * Error classes with stable `code` strings (undici style). Callers branch on `code`, never on message text.
 * Messages are user-facing: option errors end up verbatim in `docker run`'s output.
 */
export class DcwError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A log-opt is missing, unknown or malformed. The message names the option, the value and what was expected. */
export class InvalidOptionError extends DcwError {
  readonly option: string;
  constructor(option: string, message: string) {
    super('DCW_INVALID_OPTION', message);
    this.option = option;
  }
}

/** The FIFO carried bytes that are not a valid Docker log frame; the session ends. */
export class CorruptFrameError extends DcwError {
  constructor(message: string) {
    super('DCW_CORRUPT_FRAME', message);
  }
}

/** A request body from dockerd did not have the documented shape. */
export class ProtocolError extends DcwError {
  constructor(message: string) {
    super('DCW_PROTOCOL', message);
  }
}
