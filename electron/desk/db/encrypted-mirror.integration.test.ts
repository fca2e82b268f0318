import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors/app-error';
import { normalizeName } from '../../../shared/registry/normalize-name';
import { FIXTURE_HOUSEHOLDS } from '../../../test-support/registry-fixture';
import { familyToRow, residentToRow } from '../registry/registry-mapping';
import { searchByName } from '../registry/registry-repository';
import { deskMigrations } from './migrations';
import { credentialsWithMirrorKey, fileMirrorKeyStore, mirrorKey, wipeEncryptedMirror } from './mirror-key';
import { startTestHub } from '../../../test-support/running-hub';
import { createDeskCore, DEFAULT_DESK_CONFIG } from '../core';
import { memoryCredentialStore } from '../credential-file';
import { openDeskDatabase, type SqliteDriver } from './open-database';

/**
 * The mirror encrypted at rest with better-sqlite3-multiple-ciphers, through the desk's own
 * openDeskDatabase, Kysely and registry queries. The cipher build is not a project dependency
 * yet (see the hardening report): this runs where it resolves — as a package, or from the built
 * copy SPORTELLO_CIPHER_MODULE names — and says so when it does not.
 */
function loadCipher(): SqliteDriver | null {
  const req = createRequire(__filename);
  for (const id of [process.env.SPORTELLO_CIPHER_MODULE, 'better-sqlite3-multiple-ciphers']) {
    if (!id) continue;
    try {
      return req(id) as SqliteDriver;
    } catch {
      // next candidate
    }
  }
  return null;
}
const cipher = loadCipher();
if (!cipher) console.warn('[encrypted-mirror] better-sqlite3-multiple-ciphers not installed: tests skipped');

describe.runIf(cipher)('encrypted local mirror', () => {
  const driver = cipher!;
  const fresh = () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sportello-enc-')), 'desk');
    return { dir, file: join(dir, 'desk.sqlite'), keys: fileMirrorKeyStore(join(dir, 'mirror.key')) };
  };

  async function bootstrapFixture(file: string, key: Buffer) {
    const d = await openDeskDatabase(file, deskMigrations(), { key, driver });
    await d.db.transaction().execute(async (trx) => {
      for (const h of FIXTURE_HOUSEHOLDS) {
        await trx.insertInto('families').values(familyToRow(h.family)).execute();
        for (const r of h.members) await trx.insertInto('residents').values(residentToRow(r)).execute();
      }
    });
    return d;
  }

  it('opens, migrates, takes the registry and finds a resident; the file shows no personal data', async () => {
    const { file, keys } = fresh();
    const key = mirrorKey(keys, file);
    const d = await bootstrapFixture(file, key);
    const someone = FIXTURE_HOUSEHOLDS[0]!.members[0]!;
    const hits = await searchByName(d.db, normalizeName(someone.surname), '', 50);
    expect(hits.map((h) => h.codice_fiscale)).toContain(someone.codiceFiscale);
    d.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await d.close();
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from(someone.codiceFiscale))).toBe(false);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(statSync(join(file, '..', 'mirror.key')).mode & 0o777).toBe(0o600);

    const again = await openDeskDatabase(file, deskMigrations(), { key: mirrorKey(keys, file), driver });
    expect(await searchByName(again.db, normalizeName(someone.surname), '', 50)).toHaveLength(hits.length);
    await again.close();
  });

  it('refuses a wrong key with a clear error and leaves the archive untouched', async () => {
    const { file, keys } = fresh();
    const d = await bootstrapFixture(file, mirrorKey(keys, file));
    await d.close();
    const before = readFileSync(file);
    const err = await openDeskDatabase(file, deskMigrations(), { key: Buffer.alloc(32, 7), driver }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('mirror_key_wrong');
    expect((err as AppError).toData('it').message).toMatch(/non si apre con la chiave/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('keeps a migration backup encrypted too', async () => {
    const { file, keys } = fresh();
    const key = mirrorKey(keys, file);
    const names = Object.keys(deskMigrations()).sort();
    const older = Object.fromEntries(names.slice(0, -1).map((n) => [n, deskMigrations()[n]!]));
    await (await openDeskDatabase(file, older, { key, driver })).close();
    const upgraded = await openDeskDatabase(file, deskMigrations(), { key, driver });
    await upgraded.close();
    expect(upgraded.backupFile).not.toBeNull();
    expect(readFileSync(upgraded.backupFile!).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    const plainOpen = new driver(upgraded.backupFile!);
    expect(() => plainOpen.prepare('select count(*) from sqlite_master').get()).toThrow(/not a database/);
    plainOpen.close();
  });

  it('an archive without its key is an error, never a silent new key; revocation wipes key and files', async () => {
    const { file, keys } = fresh();
    const d = await bootstrapFixture(file, mirrorKey(keys, file));
    await d.close();
    wipeEncryptedMirror(keys, file);
    expect(keys.read()).toBeNull();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(existsSync(f)).toBe(false);

    const other = fresh();
    const again = await bootstrapFixture(other.file, mirrorKey(other.keys, other.file));
    await again.close();
    other.keys.clear();
    expect(() => mirrorKey(other.keys, other.file)).toThrow(
      expect.objectContaining({ code: 'mirror_key_missing' }),
    );
  });

  it('bootstraps from a real hub into the encrypted file; revocation takes the key, the next start begins clean', async () => {
    const hub = await startTestHub('sqlite');
    const { file, keys } = fresh();
    const key = mirrorKey(keys, file, false);
    const credentials = credentialsWithMirrorKey(
      memoryCredentialStore({ hubUrl: hub.url, workstation: 'Casale - Anagrafe 1', token: hub.casaleToken }),
      keys,
      key,
    );
    const core = await createDeskCore({
      dbFile: file,
      config: { ...DEFAULT_DESK_CONFIG, version: 'test' },
      credentials,
      encryption: { key, driver },
    });
    try {
      expect(await core.sync.syncOnce()).toMatchObject({ state: 'ready', residents: 6 });
      const someone = FIXTURE_HOUSEHOLDS[0]!.members[0]!;
      expect(
        (await searchByName(core.ctx.db, normalizeName(someone.surname), '', 50)).map(
          (h) => h.codice_fiscale,
        ),
      ).toContain(someone.codiceFiscale);
      expect(readFileSync(file).includes(Buffer.from(someone.codiceFiscale))).toBe(false);

      credentials.clear(); // what the sync engine does when the hub says "revoked"
      expect(keys.read()).toBeNull();
    } finally {
      await core.close();
      await hub.close();
    }
    // next start, not enrolled: the keyless archive is removed and a new key made
    const next = mirrorKey(keys, file, false);
    expect(next.equals(key)).toBe(false);
    expect(existsSync(file)).toBe(false);
  });

  it("encrypts an older version's plain mirror in place, unsent work included", async () => {
    const { file, keys } = fresh();
    const plain = await openDeskDatabase(file); // as before this version: better-sqlite3, no key
    plain.sqlite.prepare("insert into meta (key, value) values ('probe', 'RSSMRA80A01B885X')").run();
    await plain.close();
    expect(readFileSync(file).includes(Buffer.from('RSSMRA80A01B885X'))).toBe(true);

    const key = mirrorKey(keys, file, true); // enrolled, plain archive: a new key, no error
    const d = await openDeskDatabase(file, deskMigrations(), { key, driver });
    expect(d.sqlite.prepare("select value from meta where key = 'probe'").get()).toEqual({
      value: 'RSSMRA80A01B885X',
    });
    d.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await d.close();
    expect(readFileSync(file).includes(Buffer.from('RSSMRA80A01B885X'))).toBe(false);
    expect(mirrorKey(keys, file, true).equals(key)).toBe(true);
  });
});
