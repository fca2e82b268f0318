import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, renameSync, existsSync, statSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * Installers and blockmaps, stored once by content (`sha256/<hex>`), in `<data>/hub/updates`
 * (SPORTELLO_UPDATES_DIR to put them elsewhere, e.g. a volume several hub instances share).
 * The database names them; a file is never rewritten, so a download in progress always reads
 * what its release published.
 */
export interface ArtefactStore {
  dir: string;
}

export const updatesDirOf = (hubDir: string, env: NodeJS.ProcessEnv = process.env): string =>
  env.SPORTELLO_UPDATES_DIR?.trim() || join(hubDir, 'updates');

export function openArtefactStore(dir: string): ArtefactStore {
  mkdirSync(join(dir, 'sha256'), { recursive: true, mode: 0o700 });
  return { dir };
}

export const artefactPath = (store: ArtefactStore, sha256: string): string =>
  join(store.dir, 'sha256', sha256);

export interface StoredArtefact {
  sha256: string;
  /** base64 of the whole file's sha512, exactly as electron-updater computes it after download */
  sha512: string;
  size: number;
}

/** Hashes a file in one pass: sha256 (its address) and sha512 (what electron-updater checks). */
export async function hashFile(file: string): Promise<StoredArtefact> {
  const s256 = createHash('sha256');
  const s512 = createHash('sha512');
  let size = 0;
  await pipeline(createReadStream(file), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      s256.update(chunk);
      s512.update(chunk);
      size += chunk.length;
    }
  });
  return { sha256: s256.digest('hex'), sha512: s512.digest('base64'), size };
}

/** Copies a file into the store (once per content) and says where it lives. */
export async function storeArtefact(store: ArtefactStore, file: string): Promise<StoredArtefact> {
  const hashed = await hashFile(file);
  const target = artefactPath(store, hashed.sha256);
  if (!existsSync(target) || statSync(target).size !== hashed.size) {
    const partial = `${target}.${process.pid}.partial`;
    mkdirSync(dirname(target), { recursive: true });
    try {
      await copyFile(file, partial);
      // the copy is checked before it gets its name: a full disk never leaves a short artefact
      const copied = await hashFile(partial);
      if (copied.sha256 !== hashed.sha256) throw new Error(`copy of ${file} does not match its hash`);
      renameSync(partial, target);
    } finally {
      rmSync(partial, { force: true });
    }
  }
  return hashed;
}
