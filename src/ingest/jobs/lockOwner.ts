/**
 * Who holds a SQLite job: "hostname:pid:random". The host and pid let any process on the same machine tell
 * that the holder has died (its pid is gone) and take the job back at once instead of waiting out the lease;
 * the random part tells apart two queues opened by one process, and a pid reused after a reboot.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export function newLockOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export interface LockOwnerParts {
  host: string;
  pid: number;
}

export function parseLockOwner(owner: string): LockOwnerParts | null {
  const parts = owner.split(':');
  if (parts.length < 3) return null;
  const pid = Number(parts[parts.length - 2]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  // Host names have no colons, but an odd one must not shift the pid: read from the right.
  return { host: parts.slice(0, -2).join(':'), pid };
}

/**
 * True only when the holder ran on this host and its process no longer exists. Any doubt (another host,
 * a pid we may not signal, an unreadable owner) answers false: the lease is the fallback for those.
 */
export function isDeadLocalOwner(owner: string): boolean {
  const parts = parseLockOwner(owner);
  if (!parts || parts.host !== hostname() || parts.pid === process.pid) return false;
  try {
    process.kill(parts.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
