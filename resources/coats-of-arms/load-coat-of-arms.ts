import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { coatOfArmsFileOf } from '../../shared/documents/coat-of-arms';

/**
 * The comune's coat of arms as its documents print it: the file its setting names
 * (shared/documents/coat-of-arms.ts, relative to this folder), or `<BELFIORE>.png|.jpg|.svg` in
 * SPORTELLO_COAT_OF_ARMS_DIR when IT installs the comune's image on a machine. Null when there
 * is none or it cannot be read: the documents then carry the neutral emblem, never fail.
 */
export function coatOfArmsBytes(belfiore: string, env: NodeJS.ProcessEnv = process.env): Uint8Array | null {
  const candidates: string[] = [];
  const dir = env.SPORTELLO_COAT_OF_ARMS_DIR;
  if (dir) for (const ext of ['png', 'jpg', 'jpeg', 'svg']) candidates.push(join(dir, `${belfiore}.${ext}`));
  const configured = coatOfArmsFileOf(belfiore);
  if (configured) candidates.push(isAbsolute(configured) ? configured : join(settingsDir(), configured));
  for (const file of candidates) {
    try {
      if (existsSync(file)) return new Uint8Array(readFileSync(file));
    } catch {
      // unreadable: the next candidate, then the neutral emblem
    }
  }
  return null;
}

/** This folder, from the sources or upwards from a bundled build (as resources/fonts). */
function settingsDir(): string {
  let dir = __dirname;
  for (let up = 0; up < 6; up++) {
    for (const candidate of [dir, join(dir, 'resources', 'coats-of-arms')]) {
      if (existsSync(join(candidate, 'README.md'))) return candidate;
    }
    dir = dirname(dir);
  }
  return __dirname;
}
