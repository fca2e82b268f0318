import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downgradeInstructionSchema, downgradeSigningText } from '../../shared/updates/downgrade-instruction';
import { UPDATE_KEY_PATH, UPDATE_REPORT_PATH, type UpdateReport } from '../../shared/updates/update-wire';
import { ENROL_PATH, LOGIN_PATH, PROTOCOL_VERSION } from '../../shared/sync/registry-page';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { blockmapOf, readBlockmap, sha512Base64, UpdaterClient } from '../../test-support/updater-client';
import { createEnrolmentCode } from '../admin/workstations';
import { throwawayAuditKeeping } from '../audit/audit-key';
import { DEMO_PASSWORD } from '../seed/demo-users';
import { openArtefactStore, updatesDirOf, type ArtefactStore } from './artefact-store';
import { advanceRelease, haltRelease, publishRelease, rollbackRelease } from './releases';
import { setWorkstationRing } from './rings';
import { UPDATE_STATUS_PATH } from './update-routes';

/**
 * Updates on a real hub over HTTP, SQLite and PostgreSQL: IT publishes with the CLI's functions,
 * desks read the feed and download the files as electron-updater does (its own differential
 * downloader), report back; the rollout follows the hub's clock and the failures.
 */

const DAY = 86_400_000;
const T0 = Date.parse('2026-12-01T08:00:00.000Z');

describe.each(HUB_BACKENDS)('desk updates at the hub (%s)', (backend) => {
  let hub: TestHub;
  let store: ArtefactStore;
  let clock = T0;
  const work = mkdtempSync(join(tmpdir(), 'sportello-updates-'));
  const file = (version: string) => join(work, `Sportello-Setup-${version}.exe`);
  let pilotToken = '';
  const url = (path: string) => `${hub.url}${path}`;

  /** three versions, each differing from the one before in a few 64 KB blocks */
  const makeInstallers = () => {
    let data = randomBytes(3 * 1024 * 1024 + 12_345);
    for (const v of ['1.0.0', '1.1.0', '1.2.0']) {
      data = Buffer.from(data);
      for (const block of [3, 17, 40])
        randomBytes(64 * 1024).copy(data, block * 64 * 1024 + (v === '1.0.0' ? 0 : 1));
      writeFileSync(file(v), data);
      writeFileSync(`${file(v)}.blockmap`, blockmapOf(file(v)).gz);
    }
  };

  const publish = (version: string) =>
    publishRelease(
      hub.hubDb.db,
      store,
      {
        platform: 'win',
        version,
        notes: `Versione ${version}`,
        installer: file(version),
        blockmap: `${file(version)}.blockmap`,
      },
      new Date(clock),
    );

  const post = async (path: string, token: string | null, body: unknown, clerk?: string) => {
    const res = await fetch(url(path), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-sportello-protocol': String(PROTOCOL_VERSION),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(clerk ? { 'x-sportello-clerk': clerk } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  const report = (token: string, r: Partial<UpdateReport> & { version: string }) =>
    post(UPDATE_REPORT_PATH, token, { platform: 'win', channel: 'latest', lastResult: null, ...r });

  beforeAll(async () => {
    process.env.SPORTELLO_UPDATE_FEED_TTL_MS = '0';
    hub = await startTestHub(backend, () => new Date(clock));
    store = openArtefactStore(updatesDirOf(dirname(throwawayAuditKeeping(hub.hubDb.db).anchorsFile)));
    makeInstallers();
    pilotToken = await hub.enrol('IT - Pilota 1');
    expect(await setWorkstationRing(hub.hubDb.db, 'IT - Pilota 1', 'pilot', new Date(clock))).toBe(1);
    clock = T0 - 30 * DAY;
    await publish('1.0.0');
    clock = T0;
    await publish('1.1.0');
  });
  afterAll(async () => {
    delete process.env.SPORTELLO_UPDATE_FEED_TTL_MS;
    await hub?.close();
  });

  it('publishes content-addressed with the sha512 electron-updater checks, and serves it whole', async () => {
    const client = new UpdaterClient(pilotToken, '1.0.0');
    const feed = await client.feed(url('/updates/win/latest.yml'));
    expect(feed.version).toBe('1.1.0');
    expect(feed.sportelloRing).toBe('pilot');
    expect(feed.files).toEqual([
      {
        url: 'Sportello-Setup-1.1.0.exe',
        sha512: sha512Base64(file('1.1.0')),
        size: readFileSync(file('1.1.0')).length,
      },
    ]);
    expect(feed.path).toBe('Sportello-Setup-1.1.0.exe');
    // the file resolves against the feed's URL, as electron-updater resolves it
    const whole = await client.get(new URL(feed.path, url('/updates/win/latest.yml')).href);
    expect(whole.status).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.body.equals(readFileSync(file('1.1.0')))).toBe(true);
    // the publish URL without the platform (electron-builder.yml today) reaches the same feed
    expect((await client.feed(url('/updates/latest.yml'))).version).toBe('1.1.0');
    client.close();
  });

  it('downloads differentially with electron-updater’s own downloader: multipart ranges, sha512 match', async () => {
    const client = new UpdaterClient(pilotToken, '1.0.0');
    const feed = await client.feed(url('/updates/win/latest.yml'));
    const newUrl = new URL(feed.path, url('/updates/win/latest.yml')).href;
    // electron-updater finds the old blockmap by writing the old version into the new name
    const oldMap = await client.get(`${newUrl.replaceAll('1.1.0', '1.0.0')}.blockmap`);
    const newMap = await client.get(`${newUrl}.blockmap`);
    expect([oldMap.status, newMap.status]).toEqual([200, 200]);
    const out = join(work, 'downloaded-1.1.0.exe');
    await client.differential({
      newUrl,
      oldFile: file('1.0.0'),
      newFile: out,
      oldBlockMap: readBlockmap(oldMap.body),
      newBlockMap: readBlockmap(newMap.body),
      size: feed.files[0]!.size,
      sha512: feed.sha512,
    });
    expect(sha512Base64(out)).toBe(feed.sha512);
    // one range, and a range outside the file
    const one = await client.get(newUrl, { range: 'bytes=100-199' });
    expect([one.status, one.headers['content-range'], one.body.length]).toEqual([
      206,
      `bytes 100-199/${feed.files[0]!.size}`,
      100,
    ]);
    expect((await client.get(newUrl, { range: 'bytes=99999999-' })).status).toBe(416);
    client.close();
  });

  it('offers each ring what its schedule allows; a stale workstation gets its ring’s version, never nothing', async () => {
    const casale = new UpdaterClient(hub.casaleToken, '0.9.0');
    const feed = await casale.feed(url('/updates/win/latest.yml'));
    expect([feed.sportelloRing, feed.version]).toEqual(['casale', '1.0.0']);
    // the version its ring does not have yet is not served to it
    expect((await casale.get(url('/updates/win/Sportello-Setup-1.1.0.exe'))).status).toBe(404);
    clock = T0 + 2 * DAY;
    expect((await casale.feed(url('/updates/win/latest.yml'))).version).toBe('1.1.0');
    const balzola = new UpdaterClient(hub.balzolaToken, '1.0.0');
    expect(await balzola.feed(url('/updates/win/latest.yml'))).toMatchObject({
      sportelloRing: 'partners',
      version: '1.0.0',
    });
    await advanceRelease(hub.hubDb.db, 'win', '1.1.0', new Date(clock));
    expect((await balzola.feed(url('/updates/win/latest.yml'))).version).toBe('1.1.0');
    casale.close();
    balzola.close();
  });

  it('stops the rollout when failed installs in a ring reach the threshold', async () => {
    clock = T0 + 10 * DAY;
    await publish('1.2.0');
    const pilots = [pilotToken, await hub.enrol('IT - Pilota 2'), await hub.enrol('IT - Pilota 3')];
    await setWorkstationRing(hub.hubDb.db, 'IT - Pilota 2', 'pilot', new Date(clock));
    await setWorkstationRing(hub.hubDb.db, 'IT - Pilota 3', 'pilot', new Date(clock));
    const pilot = new UpdaterClient(pilotToken, '1.1.0');
    expect((await pilot.feed(url('/updates/win/latest.yml'))).version).toBe('1.2.0');
    clock += 3_600_000;
    for (const token of pilots) {
      const res = await report(token, {
        version: '1.1.0',
        lastResult: {
          version: '1.2.0',
          outcome: 'failed',
          at: new Date(clock).toISOString(),
          message: 'NSIS: codice 2',
        },
      });
      expect(res).toMatchObject({ status: 200, body: { ring: 'pilot' } });
    }
    // the pilot ring goes back to the last good version; Casale never opens
    expect((await pilot.feed(url('/updates/win/latest.yml'))).version).toBe('1.1.0');
    clock += 5 * DAY;
    expect((await new UpdaterClient(hub.casaleToken).feed(url('/updates/win/latest.yml'))).version).toBe(
      '1.1.0',
    );
    await expect(advanceRelease(hub.hubDb.db, 'win', '1.2.0', new Date(clock))).rejects.toMatchObject({
      code: 'update_rollout_stopped',
    });
    pilot.close();
  });

  it('rollback: the desks on the rolled-back version get the previous one with the hub’s signed instruction', async () => {
    // one pilot reinstalled 1.2.0 by hand and says so: its failure no longer counts
    clock += DAY;
    await report(pilotToken, {
      version: '1.2.0',
      lastResult: { version: '1.2.0', outcome: 'installed', at: new Date(clock).toISOString() },
    });
    expect(await rollbackRelease(hub.hubDb.db, 'win', new Date(clock))).toEqual({
      from: '1.2.0',
      to: '1.1.0',
    });
    const onBad = new UpdaterClient(pilotToken, '1.2.0');
    const feed = await onBad.feed(url('/updates/win/latest.yml'));
    expect(feed.version).toBe('1.1.0');
    const instruction = downgradeInstructionSchema.parse(feed.sportelloDowngrade);
    expect(instruction).toMatchObject({ from: '1.2.0', to: '1.1.0', platform: 'win' });
    const key = createPublicKey(
      (JSON.parse((await onBad.get(url(UPDATE_KEY_PATH))).body.toString()) as { publicKey: string })
        .publicKey,
    );
    expect(instruction.workstation).toBe(createHash('sha256').update(pilotToken).digest('hex').slice(0, 32));
    const { signature, ...signed } = instruction;
    expect(
      verify(null, Buffer.from(downgradeSigningText(signed)), key, Buffer.from(signature, 'base64')),
    ).toBe(true);
    // forged for another workstation: the signature no longer matches
    expect(
      verify(
        null,
        Buffer.from(downgradeSigningText({ ...signed, workstation: '0'.repeat(32) })),
        key,
        Buffer.from(signature, 'base64'),
      ),
    ).toBe(false);
    // a desk already on 1.1.0 is offered 1.1.0, no downgrade
    expect(
      (await new UpdaterClient(hub.casaleToken, '1.1.0').feed(url('/updates/win/latest.yml')))
        .sportelloDowngrade,
    ).toBeUndefined();
    // halt (no rollback): 1.1.0 is offered to nobody, those on it stay (no instruction)
    await haltRelease(hub.hubDb.db, 'win', '1.1.0', new Date(clock));
    const halted = await new UpdaterClient(hub.casaleToken, '1.1.0').feed(url('/updates/win/latest.yml'));
    expect([halted.version, halted.sportelloDowngrade]).toEqual(['1.0.0', undefined]);
    onBad.close();
  });

  it('tenancy: the credential decides whose report and ring; an admin sees only the comune’s desks', async () => {
    const noToken = await fetch(url('/updates/win/latest.yml'));
    expect(noToken.status).toBe(401);
    await report(hub.balzolaToken, { version: '1.0.0' });
    const login = await post(LOGIN_PATH, hub.casaleToken, {
      username: 'admin.casale',
      password: DEMO_PASSWORD,
    });
    const res = await fetch(url(UPDATE_STATUS_PATH), {
      headers: {
        authorization: `Bearer ${hub.casaleToken}`,
        'x-sportello-clerk': String(login.body.token),
        accept: 'application/json',
      },
    });
    const { workstations } = (await res.json()) as {
      workstations: { name: string; comune: string; outcome: string | null }[];
    };
    expect(workstations.every((w) => w.comune === 'B885')).toBe(true);
    expect(workstations.some((w) => w.name.startsWith('Balzola'))).toBe(false);
    const page = await fetch(url(UPDATE_STATUS_PATH), {
      headers: { authorization: `Bearer ${hub.casaleToken}`, 'x-sportello-clerk': String(login.body.token) },
    });
    expect(await page.text()).toContain('Aggiornamenti delle postazioni — Casale');
    // a clerk is refused the table
    const clerk = await post(LOGIN_PATH, hub.balzolaToken, {
      username: 'anagrafe.balzola',
      password: DEMO_PASSWORD,
    });
    const refused = await fetch(url(UPDATE_STATUS_PATH), {
      headers: { authorization: `Bearer ${hub.balzolaToken}`, 'x-sportello-clerk': String(clerk.body.token) },
    });
    expect(refused.status).toBe(403);
  });

  it('places the PC in the ring IT gave its code; the ring a desk names never places it', async () => {
    const enrol = async (ring?: string, codeRing: string | null = null) =>
      post(ENROL_PATH, null, {
        code: await createEnrolmentCode(
          hub.hubDb.db,
          'B885',
          `PC ${ring ?? 'none'}`,
          new Date(clock),
          [],
          codeRing,
        ),
        ...(ring ? { ring } : {}),
      });
    expect((await enrol('pilot', 'pilot')).body.ring).toBe('pilot');
    // a modified desk asking for the pilot ring on an ordinary code stays in its comune's
    expect((await enrol('pilot')).body.ring).toBe('casale');
    await expect(
      createEnrolmentCode(hub.hubDb.db, 'B885', 'PC x', new Date(clock), [], 'gamma'),
    ).rejects.toThrow(/unknown update ring gamma/);
    expect((await enrol('gamma')).body.ring).toBe('casale');
    expect((await enrol()).body.ring).toBe('casale');
    expect((await enrol('Not A Ring!')).status).toBe(400);
  });
});
