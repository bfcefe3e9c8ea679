/**
 * Pure edits of an AWS shared credentials file (INI): add or replace one `[profile]` section, or remove it. The
 * lines of every other section stay as they were (only trailing blank lines are normalised), so profiles that other
 * launchers or the operator wrote survive.
 */

export interface ProfileKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

const SECTION_HEADER = /^\s*\[\s*([^\]]*?)\s*\]\s*(?:[#;].*)?$/;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The lines with the section `name` (its header through the line before the next header) taken out. */
function withoutSection(lines: readonly string[], name: string): string[] {
  const kept: string[] = [];
  let inSection = false;
  for (const line of lines) {
    const header = SECTION_HEADER.exec(line);
    if (header) inSection = header[1] === name;
    if (!inSection) kept.push(line);
  }
  return kept;
}

function assertSingleLine(label: string, value: string): void {
  // A newline would let a value inject its own INI lines; the SDK's parser would then read other keys.
  if (/[\r\n]/.test(value)) throw new Error(`${label} must not contain a line break`);
}

export function upsertProfile(text: string, name: string, keys: ProfileKeys): string {
  assertSingleLine('profile name', name);
  if (name.includes(']')) throw new Error('profile name must not contain "]"');
  assertSingleLine('access key id', keys.accessKeyId);
  assertSingleLine('secret access key', keys.secretAccessKey);
  if (keys.sessionToken !== undefined) assertSingleLine('session token', keys.sessionToken);
  const lines = withoutSection(splitLines(text), name);
  if (lines.length > 0 && lines[lines.length - 1]!.trim() !== '') lines.push('');
  lines.push(`[${name}]`, `aws_access_key_id = ${keys.accessKeyId}`, `aws_secret_access_key = ${keys.secretAccessKey}`);
  if (keys.sessionToken !== undefined) lines.push(`aws_session_token = ${keys.sessionToken}`);
  return `${lines.join('\n')}\n`;
}

export function removeProfile(text: string, name: string): string {
  const lines = withoutSection(splitLines(text), name);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The section names in file order (used by tests and to check a profile landed). */
export function profileNames(text: string): string[] {
  return splitLines(text)
    .map((line) => SECTION_HEADER.exec(line)?.[1])
    .filter((n): n is string => n !== undefined);
}
