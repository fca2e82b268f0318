import { lstatSync } from 'node:fs';

/** Refuses a folder someone else made or can write to (a planted binary in a shared /tmp). */
export function assertOwnedByUs(dir: string): void {
  const st = lstatSync(dir);
  const uid = process.getuid?.();
  if (!st.isDirectory() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o022) !== 0)
    throw new Error(`${dir} is not a folder only this user can write: delete it and run again`);
}
