import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
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
import { createEnrolmentCode, revokeWorkstation } from '../../../hub/admin/workstations';
import { DEMO_PASSWORD } from '../../../hub/seed/demo-users';
import { startTestHub } from '../../../test-support/running-hub';
import { startBrowserModeDesk, type BrowserModeDesk } from '../browser-mode';
import { createDeskCore, DEFAULT_DESK_CONFIG } from '../core';
import { memoryCredentialStore } from '../credential-file';
import { cipherDriver as driver } from './mirror-cipher';
import { openDeskDatabase } from './open-database';

/**
 * The mirror encrypted at rest with better-sqlite3-multiple-ciphers (a dependency: a build that
 * does not load fails these tests), through the desk's own openDeskDatabase, Kysely and registry
 * queries.
 */
describe('encrypted local mirror', () => {
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
    // a revocation's wipe finds the backups beside the mirror by themselves
    wipeEncryptedMirror(keys, file);
    expect(existsSync(upgraded.backupFile!)).toBe(false);
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

  it('is the cipher build: the desk never writes its mirror through a plain SQLite by mistake', () => {
    const probe = new driver(':memory:');
    expect(probe.pragma('cipher', { simple: true })).toBe('chacha20');
    probe.close();
  });

  /** a call to the browser-mode desk as its page makes it: over loopback HTTP with the launch token */
  const rpc = async (desk: BrowserModeDesk, call: string, input: unknown = {}) => {
    const res = await fetch(new URL('/rpc', desk.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sportello-token': desk.server.token },
      body: JSON.stringify({ call, input }),
    });
    return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
  };

  it('browser mode: enrol, sync and search over HTTP on an encrypted mirror; a revocation at the hub takes credential and key, the next start removes the archive', async () => {
    const hub = await startTestHub('sqlite');
    const dataDir = join(mkdtempSync(join(tmpdir(), 'sportello-enc-bm-')), 'desk');
    const file = join(dataDir, 'desk.sqlite');
    const start = () => startBrowserModeDesk({ dataDir, staticDir: dataDir, startSync: false });
    const someone = FIXTURE_HOUSEHOLDS[0]!.members[0]!;
    let desk = await start();
    try {
      const code = await createEnrolmentCode(hub.hubDb.db, 'B885', 'Casale - Anagrafe 9');
      expect(await rpc(desk, 'setup:enrol', { hubUrl: hub.url, code })).toMatchObject({ ok: true });
      expect(await desk.core.sync.syncOnce()).toMatchObject({ state: 'ready', residents: 6 });
      expect(
        await rpc(desk, 'session:login', { username: 'anagrafe.casale', password: DEMO_PASSWORD }),
      ).toMatchObject({ ok: true });
      const found = await rpc(desk, 'registry:search', { query: someone.surname });
      expect(JSON.stringify(found.value)).toContain(someone.codiceFiscale);

      await desk.close(); // the last connection's close checkpoints the WAL into the file
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
      expect(bytes.includes(Buffer.from(someone.codiceFiscale))).toBe(false);
      for (const f of ['mirror.key', 'workstation.json'])
        expect(statSync(join(dataDir, f)).mode & 0o777).toBe(0o600);
      const key = readFileSync(join(dataDir, 'mirror.key'), 'utf8');

      // a restart opens the same archive with the same key
      desk = await start();
      expect(readFileSync(join(dataDir, 'mirror.key'), 'utf8')).toBe(key);
      expect(await rpc(desk, 'setup:status')).toMatchObject({ ok: true, value: { enrolled: true } });

      expect(await revokeWorkstation(hub.hubDb.db, 'Casale - Anagrafe 9')).toBe(1);
      expect(await desk.core.sync.syncOnce()).toMatchObject({ state: 'revoked' });
      for (const f of ['mirror.key', 'workstation.json']) expect(existsSync(join(dataDir, f))).toBe(false);
      await desk.close();

      // the next start: no credential, an archive without its key: removed, a new key, a clean desk
      desk = await start();
      expect(readFileSync(join(dataDir, 'mirror.key'), 'utf8')).not.toBe(key);
      expect(await rpc(desk, 'setup:status')).toMatchObject({ ok: true, value: { enrolled: false } });
      expect(desk.core.ctx.state.sync.residents).toBe(0);
    } finally {
      await desk.close();
      await hub.close();
    }
  });

  it('browser mode refuses to start an enrolled workstation whose mirror key is gone', async () => {
    const hub = await startTestHub('sqlite');
    const dataDir = join(mkdtempSync(join(tmpdir(), 'sportello-enc-bm-')), 'desk');
    const start = () => startBrowserModeDesk({ dataDir, staticDir: dataDir, startSync: false });
    try {
      const desk = await start();
      const code = await createEnrolmentCode(hub.hubDb.db, 'B885', 'Casale - Anagrafe 8');
      expect(await rpc(desk, 'setup:enrol', { hubUrl: hub.url, code })).toMatchObject({ ok: true });
      await desk.core.sync.syncOnce();
      await desk.close();
      const before = readFileSync(join(dataDir, 'desk.sqlite'));

      fileMirrorKeyStore(join(dataDir, 'mirror.key')).clear();
      await expect(start()).rejects.toMatchObject({ code: 'mirror_key_missing' });
      expect(readFileSync(join(dataDir, 'desk.sqlite')).equals(before)).toBe(true);
    } finally {
      await hub.close();
    }
  });
});
