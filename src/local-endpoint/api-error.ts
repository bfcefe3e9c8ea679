/**
 * AWS JSON 1.1 error values. Operations return these as values; only http-server.ts turns them into responses
 * (`{"__type": type, "message": message}` with `status`). Reference: cloudwatch-logs-rules.md §3, §5, §6.
 */
export interface ApiError {
  readonly type: string;
  readonly message: string;
  readonly status: number;
}

/** One failed constraint, formatted the way AWS's request validation reports it. */
export interface ConstraintViolation {
  /** Rendered value: `null` for a missing member, otherwise the value (quoted when rendered). */
  readonly value: string | null;
  /** Member path with 1-based list indices, e.g. `logEvents.1.member.message`. */
  readonly path: string;
  readonly constraint: string;
}

export function apiError(type: string, message: string, status = 400): ApiError {
  return { type, message, status };
}

export const invalidParameter = (message: string): ApiError => apiError('InvalidParameterException', message);
export const resourceNotFound = (message: string): ApiError => apiError('ResourceNotFoundException', message);
export const resourceAlreadyExists = (message: string): ApiError => apiError('ResourceAlreadyExistsException', message);
export const serialization = (message: string): ApiError => apiError('SerializationException', message);

/** Exact texts from the real service (rules §3). */
export const GROUP_NOT_FOUND = 'The specified log group does not exist.';
export const STREAM_NOT_FOUND = 'The specified log stream does not exist.';
export const GROUP_EXISTS = 'The specified log group already exists';
export const STREAM_EXISTS = 'The specified log stream already exists';

/**
 * "N validation error(s) detected: Value '<v>' at '<path>' failed to satisfy constraint: <text>; ..."
 * AWS reports every violation of the request shape at once, joined by "; ".
 */
export function validationMessage(violations: readonly ConstraintViolation[]): string {
  const n = violations.length;
  const head = `${n} validation error${n === 1 ? '' : 's'} detected: `;
  return head + violations.map((v) => {
    const value = v.value === null ? 'null' : `'${v.value}'`;
    return `Value ${value} at '${v.path}' failed to satisfy constraint: ${v.constraint}`;
  }).join('; ');
}

/** A validation failure is an InvalidParameterException carrying the AWS-style message. */
export function validationError(violations: readonly ConstraintViolation[]): ApiError {
  return invalidParameter(validationMessage(violations));
}
