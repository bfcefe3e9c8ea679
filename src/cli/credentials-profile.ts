import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { profileNames, removeProfile, upsertProfile, type ProfileKeys } from './credentials-ini';

/**
 * Hands credentials to the plugin without putting them in `docker inspect`, `ps` or a log (issue 5): the keys go into
 * a uniquely named profile in the shared credentials file on the plugin's `aws` mount, and only the profile's NAME
 * travels as the awslogs-credentials-profile log-opt.
 *
 * Invariants: the file is always mode 0600; it is replaced by an atomic rename so the plugin never reads half a file;
 * edits are serialised by an O_EXCL lock file so concurrent launchers don't lose each other's profiles. The I/O is
 * synchronous on purpose: removal must also work from an exit handler, and the file is a few hundred bytes.
 */

export const CREDENTIALS_FILE_NAME = 'credentials';
const LOCK_SUFFIX = '.lock';
const FILE_MODE = 0o600;
const LOCK_WAIT_MS = 5_000;
const LOCK_RETRY_MS = 20;
/** A lock older than this was left by a launcher that died mid-edit (an edit takes microseconds). */
const STALE_LOCK_MS = 30_000;

/** `dcw-run-<48 random bits>`: unique per run, recognisable as ours when an operator reads the file. */
export function newProfileName(): string {
  return `dcw-run-${randomBytes(6).toString('hex')}`;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withLock<T>(file: string, edit: () => T): T {
  const lock = file + LOCK_SUFFIX;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lock, 'wx', FILE_MODE));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > STALE_LOCK_MS) fs.rmSync(lock, { force: true });
      } catch {
        // The holder released it between our open and stat: just retry.
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the lock ${lock}`);
      sleepSync(LOCK_RETRY_MS);
    }
  }
  try {
    return edit();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
}

function replaceAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx', FILE_MODE);
  try {
    fs.fchmodSync(fd, FILE_MODE); // the umask may have narrowed it further; never wider than 0600
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}

/** One profile this run owns in `<dir>/credentials`. */
export class CredentialsProfile {
  readonly file: string;
  private removed = false;

  private constructor(
    dir: string,
    readonly name: string,
  ) {
    this.file = path.join(dir, CREDENTIALS_FILE_NAME);
  }

  /** Writes the profile (replacing one of the same name) and returns the handle that removes it. */
  static write(dir: string, keys: ProfileKeys, name: string = newProfileName()): CredentialsProfile {
    const profile = new CredentialsProfile(dir, name);
    withLock(profile.file, () => replaceAtomically(profile.file, upsertProfile(readOrEmpty(profile.file), name, keys)));
    return profile;
  }

  /** Idempotent. Leaves the other profiles; leaves an empty file rather than deleting one others may hold open. */
  remove(): void {
    if (this.removed) return;
    this.removed = true;
    withLock(this.file, () => {
      const text = readOrEmpty(this.file);
      if (!profileNames(text).includes(this.name)) return;
      replaceAtomically(this.file, removeProfile(text, this.name));
    });
  }
}
